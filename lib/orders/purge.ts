import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { purgeCheckoutDrafts } from '@/lib/checkout/drafts';
import type { Database } from '@/lib/db/client';
import { orders, webhookEvents } from '@/lib/db/schema';

/** Taken for the length of one purge, so instances sharing a database do not purge at the same moment. */
const PURGE_LOCK_ID = 7_341_502_499;

/**
 * The public demo keeps strangers' orders (names, addresses, phone numbers) only for a while: orders
 * older than `cutoff` go, with their lines, history and refunds, and so do webhook events received before
 * it and checkout drafts last saved before it (lib/checkout/drafts.ts). Safe when several instances run it at once: one of them does the work, the others skip. Never
 * called in test or live mode.
 */
export async function purgeDemoOrders(db: Database, cutoff: Date): Promise<{ orders: number; webhookEvents: number; checkoutDrafts: number } | undefined> {
  return db.transaction(async (tx) => {
    const locked = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${sql.raw(String(PURGE_LOCK_ID))}) AS locked`)) as unknown as {
      rows: { locked: boolean }[];
    };
    if (!locked.rows[0]?.locked) return undefined;
    const deletedOrders = await tx.delete(orders).where(lt(orders.createdAt, cutoff)).returning({ id: orders.id });
    const deletedEvents = await tx.delete(webhookEvents).where(lt(webhookEvents.receivedAt, cutoff)).returning({ id: webhookEvents.eventId });
    const deletedDrafts = await purgeCheckoutDrafts(tx, cutoff);
    return { orders: deletedOrders.length, webhookEvents: deletedEvents.length, checkoutDrafts: deletedDrafts };
  });
}
