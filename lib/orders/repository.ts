import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { preparedFor } from '@/lib/db/prepared';
import {
  orderLines,
  orderRefunds,
  orders,
  orderStatusChanges,
  webhookEvents,
  type StoredAddress,
  type StoredCustomer,
} from '@/lib/db/schema';
import { abandonOlderOrdersParts } from '@/lib/orders/abandon';
import { canTransition, type OrderStatus } from '@/lib/orders/status';

/** The shop's orders in its database. Every function takes the database, so tests can pass their own. */

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderStatusChange = typeof orderStatusChanges.$inferSelect;
export type StatusSource = 'checkout' | 'return' | 'webhook' | 'recheck' | 'merchant';
// The shop's own rules also record `newer_order` and `unpaid_too_long` (lib/orders/abandon.ts).

/** What an order is for: who, where to, what and how much. It never changes once recorded. */
export interface OrderContent {
  locale: string;
  subtotal: number;
  shippingFee: number;
  total: number;
  customer: StoredCustomer;
  shippingAddress: StoredAddress;
  lines: { productId: string; name: string; unitPrice: number; quantity: number }[];
}

export interface NewOrder extends OrderContent {
  reference: string;
  /** Digest of the browser placing the order (see lib/checkout/browser-id.ts). */
  owner?: string | null;
}

/** A digest of an order's content: the same form submitted again has the same one; any change gives another. */
export function orderContentDigest(content: OrderContent): string {
  const { locale, subtotal, shippingFee, total, customer, shippingAddress, lines } = content;
  const canonical = JSON.stringify([
    locale,
    subtotal,
    shippingFee,
    total,
    [customer.email, customer.familyName, customer.givenName, customer.familyNameKana ?? '', customer.givenNameKana ?? '', customer.phone],
    [shippingAddress.postalCode, shippingAddress.prefecture, shippingAddress.city, shippingAddress.line1, shippingAddress.line2 ?? ''],
    lines.map((line) => [line.productId, line.name, line.unitPrice, line.quantity]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The reference is taken by an order of another browser or with other content. */
export class OrderConflictError extends Error {
  constructor(readonly existing: Order) {
    super(`Order ${existing.reference} belongs to another browser or has other content`);
    this.name = 'OrderConflictError';
  }
}

/**
 * One statement (one round trip, atomic), prepared once (lib/db/prepared.ts; times are the database's
 * `now()`): the order, its first history entry, its lines and, for a browser's order, rule 1 of
 * lib/orders/abandon.ts. Each part after the first reads the new order from
 * `inserted`, which holds no row when the reference was already taken: then nothing else is written.
 */
function recordStatement(db: Database) {
  return preparedFor(db, 'record_pending_order', () => {
    const value = sql.placeholder;
    const inserted = db.$with('inserted').as(
      db
        .insert(orders)
        .values({
          reference: value('reference'),
          status: 'pending',
          owner: value('owner'),
          contentDigest: value('contentDigest'),
          locale: value('locale'),
          subtotal: value('subtotal'),
          shippingFee: value('shippingFee'),
          total: value('total'),
          customer: value('customer'),
          shippingAddress: value('shippingAddress'),
        })
        .onConflictDoNothing({ target: orders.reference })
        .returning(),
    );
    const parts = [
      {
        name: 'first_history',
        query: sql`insert into ${orderStatusChanges} (order_id, from_status, to_status, source) select id, null, 'pending', 'checkout' from ${inserted}`,
      },
      {
        // The lines arrive as one JSON array, so that a cart of any length is the same statement.
        name: 'lines',
        query: sql`insert into ${orderLines} (order_id, position, product_id, name, unit_price, quantity, line_total)
          select ${inserted}.id, line.position, line.product_id, line.name, line.unit_price, line.quantity, line.unit_price * line.quantity
          from ${inserted}, jsonb_to_recordset(${value('lines')}::text::jsonb)
            as line (position integer, product_id text, name text, unit_price integer, quantity integer)`,
      },
      // A null owner (an order placed outside a browser's checkout) matches no older order.
      ...abandonOlderOrdersParts(value('owner'), { cte: sql`${inserted}`, reference: value('reference') }),
    ].map(({ name, query }) => db.$with(name, {}).as(query));
    return db
      .with(inserted, ...parts)
      .select()
      .from(inserted)
      .prepare('record_pending_order');
  });
}

/**
 * Records the order of a checkout attempt before Smartpay is called, or returns the order already recorded
 * under this reference when it is the same browser's with the same content (a double click, a form sent
 * again). An order never changes once recorded: a reference held by another browser, or by other content,
 * throws OrderConflictError, and the checkout makes another order. A newly recorded order makes the same
 * browser's older unpaid orders `abandoned`, in the same statement (lib/orders/abandon.ts).
 */
export async function recordPendingOrder(db: Database, input: NewOrder): Promise<Order> {
  const contentDigest = orderContentDigest(input);
  const owner = input.owner ?? null;
  const [order] = await recordStatement(db).execute({
    reference: input.reference,
    owner,
    contentDigest,
    locale: input.locale,
    subtotal: input.subtotal,
    shippingFee: input.shippingFee,
    total: input.total,
    customer: input.customer,
    shippingAddress: input.shippingAddress,
    lines: JSON.stringify(
      input.lines.map((line, position) => ({
        position,
        product_id: line.productId,
        name: line.name,
        unit_price: line.unitPrice,
        quantity: line.quantity,
      })),
    ),
  });
  if (order) return order;
  // The reference was taken: by this browser with the same content (the form sent again), or not.
  const [existing] = await db.select().from(orders).where(eq(orders.reference, input.reference));
  if (!existing) throw new Error(`Order ${input.reference} vanished`);
  if (existing.owner !== owner || existing.contentDigest !== contentDigest) throw new OrderConflictError(existing);
  return existing;
}

export async function getOrderByReference(db: Database, reference: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.reference, reference));
  return order;
}

export async function getOrderById(db: Database, id: string): Promise<Order | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  return order;
}

export async function getOrderBySmartpayOrderId(db: Database, smartpayOrderId: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.smartpayOrderId, smartpayOrderId));
  return order;
}

export async function getOrderLines(db: Database, orderId: string): Promise<OrderLine[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
}

export async function getStatusHistory(db: Database, orderId: string): Promise<OrderStatusChange[]> {
  return db.select().from(orderStatusChanges).where(eq(orderStatusChanges.orderId, orderId)).orderBy(asc(orderStatusChanges.id));
}

export async function getOrderRefunds(db: Database, orderId: string) {
  return db.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId)).orderBy(asc(orderRefunds.createdAt));
}

export async function getOrderWebhookEvents(db: Database, smartpayOrderId: string | null) {
  if (!smartpayOrderId) return [];
  return db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.smartpayOrderId, smartpayOrderId))
    .orderBy(asc(webhookEvents.receivedAt));
}

export async function listOrders(
  db: Database,
  options: { limit?: number; offset?: number; statuses?: OrderStatus[]; excludeStatuses?: OrderStatus[]; owner?: string } = {},
) {
  const conditions: SQL[] = [];
  if (options.statuses?.length) conditions.push(inArray(orders.status, options.statuses));
  if (options.excludeStatuses?.length) conditions.push(notInArray(orders.status, options.excludeStatuses));
  if (options.owner !== undefined) conditions.push(eq(orders.owner, options.owner));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0);
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`cast(count(*) as integer)` }).from(orders).where(where);
  return { orders: rows, total: count };
}

/** How many orders (of `owner`, when given) are in `status`. */
export async function countOrdersInStatus(db: Database, status: OrderStatus, owner?: string): Promise<number> {
  const conditions: SQL[] = [eq(orders.status, status)];
  if (owner !== undefined) conditions.push(eq(orders.owner, owner));
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`cast(count(*) as integer)` }).from(orders).where(and(...conditions));
  return count;
}

/**
 * Moves an order to `to` if the transition table allows it, atomically: the update only applies if the
 * status is still the one read, so concurrent news (return page, webhook, re-check, another instance)
 * can never move an order backwards. Smartpay ids and amounts in `extra` are written with a move, or when
 * the ids are those already stored; news naming other Smartpay objects than the stored ones changes
 * nothing. Returns the order as it now stands.
 */
export async function transitionOrder(
  db: Database,
  order: string | Order,
  to: OrderStatus,
  source: StatusSource,
  detail?: string,
  extra: Partial<Pick<Order, 'smartpaySessionId' | 'smartpayOrderId' | 'smartpayStatus' | 'capturedAmount' | 'refundedAmount'>> = {},
): Promise<{ order: Order; changed: boolean }> {
  const orderId = typeof order === 'string' ? order : order.id;
  // A row the caller holds is the first guess of the order's state; the update below only applies while the
  // status is still the one read, so a stale guess costs a second round, not a wrong move.
  let known = typeof order === 'string' ? undefined : order;
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = known ?? (await db.select().from(orders).where(eq(orders.id, orderId)))[0];
    known = undefined;
    if (!current) throw new Error(`Order ${orderId} not found`);
    // A Smartpay id, once stored, is never replaced by another one.
    const ids = (['smartpaySessionId', 'smartpayOrderId'] as const).filter((key) => extra[key] !== undefined);
    if (ids.some((key) => current[key] !== null && current[key] !== extra[key])) {
      console.error(`[order ${current.reference}] refused news about other Smartpay objects: ${ids.map((key) => `${key}=${extra[key]}`).join(' ')}`);
      return { order: current, changed: false };
    }
    const moves = current.status !== to && canTransition(current.status, to);
    // Ids and amounts are written with a status move, or when they come from the Smartpay objects the order already names.
    // A field given as undefined is left as it is.
    const fields = Object.fromEntries(
      Object.entries(moves || ids.every((key) => current[key] === extra[key]) ? extra : {}).filter(([, value]) => value !== undefined),
    );
    const [result] = await transitionStatement(db, moves, Object.keys(fields) as TransitionField[], ids).execute({
      ...fields,
      // The ids checked, whether written or not.
      ...Object.fromEntries(ids.map((key) => [`expected_${key}`, extra[key]])),
      id: orderId,
      from: current.status,
      to,
      source,
      detail: detail ?? null,
    });
    if (result) return { order: result, changed: moves };
  }
  throw new Error(`Order ${orderId}: status kept changing under concurrent updates`);
}

type TransitionField = 'smartpaySessionId' | 'smartpayOrderId' | 'smartpayStatus' | 'capturedAmount' | 'refundedAmount';

/**
 * One statement (one round trip, atomic): the update, and with a status move its history entry. Prepared
 * once for each combination of the fields written and the ids checked (see `preparedFor`).
 */
function transitionStatement(db: Database, moves: boolean, fields: TransitionField[], ids: ('smartpaySessionId' | 'smartpayOrderId')[]) {
  const key = `transition ${moves ? 'move' : 'stay'} ${[...fields].sort().join(',')} ${ids.join(',')}`;
  return preparedFor(db, key, () => {
    const value = sql.placeholder;
    const updated = db.$with('updated').as(
      db
        .update(orders)
        .set({
          // (Drizzle's types take no placeholder in `set`; wrapped in `sql`, each is still one.)
          ...Object.fromEntries(fields.map((field) => [field, sql`${value(field)}`])),
          ...(moves ? { status: sql`${value('to')}` } : {}),
          updatedAt: sql`now()`,
        })
        // Also only while no other Smartpay id was stored meanwhile: ids are never replaced.
        .where(and(eq(orders.id, value('id')), eq(orders.status, value('from')), ...ids.map((id) => or(isNull(orders[id]), eq(orders[id], value(`expected_${id}`))))))
        .returning(),
    );
    const history = db.$with('history', {}).as(
      sql`insert into ${orderStatusChanges} (order_id, from_status, to_status, source, detail)
        select id, ${value('from')}::text, ${value('to')}::text, ${value('source')}::text, ${value('detail')}::text from ${updated}`,
    );
    const name = `transition_order_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    return (moves ? db.with(updated, history) : db.with(updated)).select().from(updated).prepare(name);
  });
}

/**
 * Records a refund once (by Smartpay's refund id) and returns the order's refunded total. The merchant's
 * refund and Smartpay's webhooks of others may record refunds of one order at the same time: each holds the
 * order's row from before its insert until its total is written, so no total is computed without a refund
 * committed meanwhile and then written over a later one.
 */
export async function recordRefund(
  db: Database,
  orderId: string,
  refund: { id: string; paymentId: string; amount: number; reason?: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for('no key update');
    await tx
      .insert(orderRefunds)
      .values({ smartpayRefundId: refund.id, orderId, smartpayPaymentId: refund.paymentId, amount: refund.amount, reason: refund.reason ?? null })
      .onConflictDoNothing();
    const [{ total } = { total: 0 }] = await tx
      .select({ total: sql<number>`cast(coalesce(sum(${orderRefunds.amount}), 0) as integer)` })
      .from(orderRefunds)
      .where(eq(orderRefunds.orderId, orderId));
    await tx.update(orders).set({ refundedAmount: total, updatedAt: new Date() }).where(eq(orders.id, orderId));
    return total;
  });
}

/** Remembers a webhook event by id. `duplicate` means it was already handled and must be acknowledged only. */
export async function recordWebhookEvent(
  db: Database,
  event: { id: string; type: string; createdAt?: number; payload: unknown },
): Promise<'new' | 'duplicate'> {
  const inserted = await db
    .insert(webhookEvents)
    .values({ eventId: event.id, type: event.type, eventCreatedAt: event.createdAt ?? null, payload: event.payload })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.eventId });
  if (inserted.length > 0) return 'new';
  const [existing] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, event.id));
  // An event whose handling failed earlier is handled again when Smartpay retries it.
  return existing?.processedAt ? 'duplicate' : 'new';
}

export async function finishWebhookEvent(db: Database, eventId: string, outcome: string, smartpayOrderId?: string): Promise<void> {
  await db
    .update(webhookEvents)
    .set({
      outcome,
      ...(smartpayOrderId ? { smartpayOrderId } : {}),
      ...(outcome.startsWith('failed') ? {} : { processedAt: new Date() }),
    })
    .where(eq(webhookEvents.eventId, eventId));
}
