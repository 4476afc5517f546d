import { inArray, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { schedulePurge } from '@/lib/retention';
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
 *    after the order was placed. Every instance applies it on a timer (`scheduleAbandonRule`, started by
 *    lib/startup-check.ts, in every mode), every quarter of that age and at least every 10 minutes, so
 *    reading the merchant's pages never writes. Instances applying it at the same moment are safe: the rows
 *    are locked in id order and an order already abandoned is not moved again.
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
 * The parts of one statement (common table expressions, in order) that move the orders matching `where`
 * whose status is one of `statuses` to `abandoned`, each with a history entry; `older` holds their ids. The
 * rows are locked first (in id order, so concurrent callers never deadlock), which makes the status read the
 * one replaced: a webhook settling one of them at the same moment either goes first, and the order is no
 * longer abandonable, or waits, and then moves it on from `abandoned`. `alongside` is another table
 * expression `where` may name (rule 1's new order).
 */
function abandonParts(
  statuses: readonly OrderStatus[],
  where: SQL,
  history: { source: string; detail: string | SQL },
  alongside?: SQL,
): { name: string; query: SQL }[] {
  const from = alongside ? sql`${orders}, ${alongside}` : sql`${orders}`;
  return [
    {
      name: 'older',
      query: sql`select ${orders.id} as id, ${orders.status} as status from ${from}
        where ${inArray(orders.status, [...statuses])} and ${where}
        order by ${orders.id} for update of ${orders}`,
    },
    {
      name: 'abandoned',
      query: sql`update ${orders} set status = 'abandoned', updated_at = now() from older where ${orders.id} = older.id`,
    },
    {
      name: 'abandoned_history',
      query: sql`insert into ${orderStatusChanges} (order_id, from_status, to_status, source, detail)
        select id, status, 'abandoned', ${history.source}, ${history.detail} from older`,
    },
  ];
}

/**
 * Rule 1, as parts of the one statement that records `newer` (recordPendingOrder in
 * lib/orders/repository.ts): the unpaid orders of `owner` other than `newer` become abandoned, each with a
 * history entry. `newer` names the statement's common table expression holding the new order, with its `id`,
 * and its reference; when it holds no row (the reference was already taken), or `owner` is null, nothing is
 * abandoned. Both may be placeholders of a prepared statement.
 */
export function abandonOlderOrdersParts(owner: string | Placeholder, newer: { cte: SQL; reference: string | Placeholder }): { name: string; query: SQL }[] {
  return abandonParts(
    abandonableStatuses,
    sql`${orders.owner} = ${owner}::text and ${orders.id} <> newer.id`,
    { source: NEWER_ORDER_SOURCE, detail: sql`'newer order ' || ${newer.reference}::text` },
    sql`${newer.cte} as newer`,
  );
}

/** Rule 2: orders placed before `cutoff` and still pending or awaiting authorization become abandoned, in one statement. */
export async function abandonUnpaidOrders(db: Database, cutoff: Date, hours: number): Promise<string[]> {
  const parts = abandonParts(staleStatuses, lt(orders.createdAt, cutoff)!, {
    source: UNPAID_TOO_LONG_SOURCE,
    detail: `no payment within ${hours} h of the order`,
  }).map(({ name, query }) => db.$with(name, {}).as(query));
  const moved = await db
    .with(...parts)
    .select({ id: sql<string>`older.id` })
    .from(sql`older`);
  return moved.map((row) => row.id);
}

/**
 * Rule 2 on a timer: at once, then every quarter of `hours` (at least every second, at most every 10
 * minutes; lib/retention.ts). A failure is logged and the next run goes ahead. Returns a function that stops it.
 */
export function scheduleAbandonRule(db: Database, hours: number): () => void {
  return schedulePurge('abandon', hours, async (cutoff) => {
    const moved = await abandonUnpaidOrders(db, cutoff, hours);
    if (moved.length > 0) console.info(`[abandon] ${moved.length} order${moved.length === 1 ? '' : 's'} without payment for ${hours} h now abandoned`);
  }, 'abandoned-order rule');
}
