import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { orderLines, orders, orderStatusChanges, webhookEvents } from '@/lib/db/schema';
import { purgeDemoOrders } from '@/lib/orders/purge';
import { recordPendingOrder, recordWebhookEvent } from '@/lib/orders/repository';
import { databaseKind, openTestDatabase } from '@/test/database';
import { sampleOrder, uniqueSuffix } from '@/test/orders';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`purge of the public demo's orders (${databaseKind})`, () => {
  it('deletes orders (with their lines and history) and webhook events older than the cutoff, and keeps newer ones', async () => {
    const old = await recordPendingOrder(handle.db, sampleOrder());
    const fresh = await recordPendingOrder(handle.db, sampleOrder());
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await handle.db.update(orders).set({ createdAt: dayAgo }).where(eq(orders.id, old.id));
    const oldEvent = `evt_test_${uniqueSuffix()}`;
    const newEvent = `evt_test_${uniqueSuffix()}`;
    await recordWebhookEvent(handle.db, { id: oldEvent, type: 'order.authorized', payload: {} });
    await recordWebhookEvent(handle.db, { id: newEvent, type: 'order.authorized', payload: {} });
    await handle.db.update(webhookEvents).set({ receivedAt: dayAgo }).where(eq(webhookEvents.eventId, oldEvent));

    // Several instances at once: one does the work, the others skip; nothing fails.
    const cutoff = new Date(Date.now() - 24 * 3_600_000);
    const results = await Promise.all([1, 2, 3].map(() => purgeDemoOrders(handle.db, cutoff)));
    const done = results.filter((r) => r !== undefined);
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.reduce((sum, r) => sum + r!.orders, 0)).toBeGreaterThanOrEqual(1);

    const left = await handle.db.select({ id: orders.id }).from(orders).where(inArray(orders.id, [old.id, fresh.id]));
    expect(left.map((r) => r.id)).toEqual([fresh.id]);
    expect(await handle.db.select().from(orderLines).where(eq(orderLines.orderId, old.id))).toEqual([]);
    expect(await handle.db.select().from(orderStatusChanges).where(eq(orderStatusChanges.orderId, old.id))).toEqual([]);
    const events = await handle.db.select({ id: webhookEvents.eventId }).from(webhookEvents).where(inArray(webhookEvents.eventId, [oldEvent, newEvent]));
    expect(events.map((e) => e.id)).toEqual([newEvent]);
  });
});
