import { isIdOf } from '../store/ids';
import type { SandboxStore } from '../store/store';
import type { CheckoutSessionRecord, LineItemRecord, OrderRecord, PaymentRecord, RefundRecord } from '../store/records';

/**
 * Turns stored records into API objects, with or without expanded references (`expand=all`). API objects
 * never carry the sandbox's own bookkeeping (`sandboxWarnings`, an order's `captureMethod`); events carry
 * the same objects as the API (unexpanded).
 */

export const wantsExpand = (query: URLSearchParams) => query.get('expand') === 'all';

async function required<T>(value: Promise<T | undefined>, what: string): Promise<T> {
  const found = await value;
  if (!found) throw new Error(`Sandbox state is inconsistent: missing ${what}`);
  return found;
}

/** The sandbox's own bookkeeping on a record, which no API answer or event shows. */
type SandboxOnly = 'sandboxWarnings' | 'sandboxSoftDeclines';

/** A record as the API shows it: without the sandbox's warnings and counts. */
export function apiObject<T extends { sandboxWarnings?: string[]; sandboxSoftDeclines?: number }>(record: T): Omit<T, SandboxOnly> {
  const copy: Partial<T> = { ...record };
  delete copy.sandboxWarnings;
  delete copy.sandboxSoftDeclines;
  return copy as Omit<T, SandboxOnly>;
}

export type OrderObject = Omit<OrderRecord, 'captureMethod' | SandboxOnly | 'discounts'> & { discounts: string[] };

/**
 * The order as Smartpay shows it, with the fields of sdk-go `Order`/`OrderExpanded` and sdk-node `Order`:
 * `discounts` (`[]` when no coupon applies, as in the sample of https://en.docs.smartpay.co/reference/the-order-object).
 * No source shows `captureMethod` or `customerInfo` on an order, so neither is sent (`customerInfo` stays on
 * the checkout session; orders stored by older sandboxes may still hold one).
 */
export function orderObject(order: OrderRecord): OrderObject {
  const copy: Partial<OrderRecord> & { customerInfo?: unknown } = apiObject(order);
  delete copy.captureMethod;
  delete copy.customerInfo;
  return { ...(copy as Omit<OrderRecord, 'captureMethod' | SandboxOnly>), discounts: order.discounts ?? [] };
}

export async function expandLineItem(store: SandboxStore, lineItem: LineItemRecord) {
  if (!lineItem.price) return lineItem;
  const price = await required(store.get('price', lineItem.price), lineItem.price);
  const product = await required(store.get('product', price.product), price.product);
  return { ...lineItem, price: { ...price, product } };
}

/**
 * Line item ids expanded to line items (→ price → product). A payment or refund may name ids that are no
 * line items of the caller (the sandbox accepts them with a warning); those stay ids.
 */
async function expandLineItemIds(store: SandboxStore, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const lineItem = isIdOf('lineItem', id) ? await store.get('lineItem', id) : undefined;
      return lineItem ? expandLineItem(store, lineItem) : id;
    }),
  );
}

/** `expand=all` on a payment expands its line items; `order` stays an id (sdk-go `PaymentExpanded`). */
export async function paymentView(store: SandboxStore, payment: PaymentRecord, expand: boolean) {
  const object = apiObject(payment);
  return expand ? { ...object, lineItems: await expandLineItemIds(store, payment.lineItems) } : object;
}

/** `expand=all` on a refund expands its line items; `payment` stays an id (sdk-go `RefundExpanded`). */
export async function refundView(store: SandboxStore, refund: RefundRecord, expand: boolean) {
  const object = apiObject(refund);
  return expand ? { ...object, lineItems: await expandLineItemIds(store, refund.lineItems) } : object;
}

/** `expand=all` on an order expands its line items (→ price → product) and payments (sdk-go `OrderExpanded`). */
export async function orderView(store: SandboxStore, order: OrderRecord, expand: boolean) {
  const object = orderObject(order);
  if (!expand) return object;
  const lineItems = await Promise.all(
    order.lineItems.map(async (id) => expandLineItem(store, await required(store.get('lineItem', id), id))),
  );
  const payments = await Promise.all(
    order.payments.map(async (id) => paymentView(store, await required(store.get('payment', id), id), true)),
  );
  return { ...object, lineItems, payments };
}

export async function sessionView(store: SandboxStore, session: CheckoutSessionRecord, expand: boolean) {
  if (!expand) return apiObject(session);
  if (session.token) return { ...apiObject(session), token: await required(store.get('token', session.token), session.token) };
  const orderId = session.order ?? '';
  const order = await required(store.get('order', orderId), orderId);
  return { ...apiObject(session), order: await orderView(store, order, true) };
}
