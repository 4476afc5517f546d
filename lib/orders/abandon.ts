import { and, asc, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { orders, orderStatusChanges } from '@/lib/db/schema';
import { abandonableStatuses, type OrderStatus } from '@/lib/orders/status';

/**
 * `abandoned`: the shop's verdict on an order that will likely never be paid, so that the merchant's list
 * is not filled with "awaiting payment" orders nobody will pay. Two rules make it:
 *
 * 1. A browser that records a newer order gave up on its older unpaid ones (a shopper who canceled on
 *    Smartpay's page, or came Back and checked out again, gets a new order each time). Applied by
 *    `recordPendingOrder`, in the statement that records the newer order.
 * 2. An order still awaiting authorization (or still pending) long after it was placed. Smartpay gives no
 *    reliable signal for this: a shopper who cancels on its page leaves the order `requires_authorization`,
 *    and when a checkout session expires, and what it then reports, is not documented; the built-in sandbox
 *    never expires a session either. So the rule is an age: `ABANDON_UNPAID_AFTER_HOURS` (24 by default)
 *    after the order was placed. It is applied when the merchant's pages list or show orders, not by the
 *    retention timer of lib/retention.ts: that timer runs only on the public demo, while the list needs the
 *    rule in every mode, and the list is the only place where the status is read for this purpose.
 *
 * Neither rule is final: Smartpay's news (authorized, paid, declined, canceled) still moves an abandoned
 * order (lib/orders/status.ts), so the return page and the status route keep asking about it.
 */

/** Status-history sources of the two rules; their wording is in lib/i18n/messages/merchant.ts › sources. */
export const NEWER_ORDER_SOURCE = 'newer_order';
export const UNPAID_TOO_LONG_SOURCE = 'unpaid_too_long';

/** Statuses rule 2 applies to: `failed` orders already read as such and are left alone. */
const staleStatuses = ['pending', 'awaiting_authorization'] as const satisfies readonly OrderStatus[];

/**
 * Moves the orders matching `where` whose status is one of `statuses` to `abandoned`, each with a history
 * entry. The rows are locked first (in id order, so concurrent callers never deadlock), which makes the
 * status read the one replaced: a webhook settling one of them at the same moment either goes first, and the
 * order is no longer abandonable, or waits, and then moves it on from `abandoned`.
 */
async function abandonWhere(
  db: Database,
  statuses: readonly OrderStatus[],
  where: SQL,
  source: string,
  detail: string,
): Promise<string[]> {
  const found = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(and(inArray(orders.status, [...statuses]), where))
    .orderBy(asc(orders.id))
    .for('update');
  if (found.length === 0) return [];
  const ids = found.map((row) => row.id);
  await db.update(orders).set({ status: 'abandoned', updatedAt: new Date() }).where(inArray(orders.id, ids));
  await db
    .insert(orderStatusChanges)
    .values(found.map((row) => ({ orderId: row.id, fromStatus: row.status, toStatus: 'abandoned' as const, source, detail })));
  return ids;
}

/**
 * Rule 1, as parts of the one statement that records `newer` (recordPendingOrder in
 * lib/orders/repository.ts): the unpaid orders of `owner` other than `newer` become abandoned, each with a
 * history entry. `newer` names the statement's common table expression holding the new order, with its `id`;
 * when it holds no row (the reference was already taken), nothing is abandoned. The rows are locked first in
 * id order, as in abandonWhere: a webhook settling one of them at the same moment either goes first, and the
 * order is no longer abandonable, or waits, and then moves it on from `abandoned`.
 */
export function abandonOlderOrdersParts(owner: string, newer: { cte: SQL; reference: string; at: Date }): { name: string; query: SQL }[] {
  const statuses = sql.join(
    abandonableStatuses.map((status) => sql`${status}`),
    sql`, `,
  );
  return [
    {
      name: 'older',
      query: sql`select ${orders.id} as id, ${orders.status} as status from ${orders}, ${newer.cte} as newer
        where ${orders.owner} = ${owner} and ${orders.id} <> newer.id and ${orders.status} in (${statuses})
        order by ${orders.id} for update of ${orders}`,
    },
    {
      name: 'abandoned',
      query: sql`update ${orders} set status = 'abandoned', updated_at = ${newer.at} from older where ${orders.id} = older.id`,
    },
    {
      name: 'abandoned_history',
      query: sql`insert into ${orderStatusChanges} (order_id, from_status, to_status, source, detail)
        select id, status, 'abandoned', ${NEWER_ORDER_SOURCE}, ${`newer order ${newer.reference}`} from older`,
    },
  ];
}

/** Rule 2: orders placed before `cutoff` and still pending or awaiting authorization become abandoned. */
export async function abandonUnpaidOrders(db: Database, cutoff: Date, hours: number): Promise<string[]> {
  return db.transaction((tx) =>
    abandonWhere(tx, staleStatuses, lt(orders.createdAt, cutoff), UNPAID_TOO_LONG_SOURCE, `no payment within ${hours} h of the order`),
  );
}

/** Rule 2 with the configured age, as of `now`. */
export async function abandonOrdersUnpaidFor(db: Database, hours: number, now = Date.now()): Promise<string[]> {
  return abandonUnpaidOrders(db, new Date(now - hours * 3_600_000), hours);
}
