import type { SandboxStore } from './store';
import type { CheckoutSessionRecord, LineItemRecord, OrderRecord } from './types';

/** Turns stored records into API objects, with or without expanded references (`expand=all`). */

export const wantsExpand = (query: URLSearchParams) => query.get('expand') === 'all';

async function required<T>(value: Promise<T | undefined>, what: string): Promise<T> {
  const found = await value;
  if (!found) throw new Error(`Sandbox state is inconsistent: missing ${what}`);
  return found;
}

export async function expandLineItem(store: SandboxStore, lineItem: LineItemRecord) {
  if (!lineItem.price) return lineItem;
  const price = await required(store.get('price', lineItem.price), lineItem.price);
  const product = await required(store.get('product', price.product), price.product);
  return { ...lineItem, price: { ...price, product } };
}

export async function orderView(store: SandboxStore, order: OrderRecord, expand: boolean) {
  if (!expand) return order;
  const lineItems = await Promise.all(
    order.lineItems.map(async (id) => expandLineItem(store, await required(store.get('lineItem', id), id))),
  );
  const payments = await Promise.all(order.payments.map((id) => required(store.get('payment', id), id)));
  return { ...order, lineItems, payments };
}

export async function sessionView(store: SandboxStore, session: CheckoutSessionRecord, expand: boolean) {
  if (!expand) return session;
  if (session.token) return { ...session, token: await required(store.get('token', session.token), session.token) };
  const orderId = session.order ?? '';
  const order = await required(store.get('order', orderId), orderId);
  return { ...session, order: await orderView(store, order, true) };
}
