import { collection } from '../api/collection';
import { ok, type Handler, type SandboxCore } from '../api/handler';
import { ApiError } from '../api/errors';
import { orderObject, orderView, wantsExpand } from '../api/objects';
import { listForMode, loadForMode } from '../api/load';
import type { Mode, OrderRecord } from '../store/records';

/** How long an authorization holds before it can no longer be captured. */
export const AUTHORIZATION_HOLD_MS = 7 * 24 * 60 * 60 * 1000;

/** True when an authorization's hold has ended and the order has not yet been canceled for it. */
export const isExpired = (order: OrderRecord, now: number) =>
  order.status === 'requires_capture' && order.expiresAt !== undefined && now >= order.expiresAt;

/**
 * An authorization past its hold: the order becomes `canceled` and `order.canceled` is emitted. The
 * background expiry (sandbox.ts) does this at `expiresAt`; a capture or cancellation that arrives first
 * does it too, so no capture ever succeeds after the hold. Reads never change an order.
 */
export async function expireIfDue(core: SandboxCore, order: OrderRecord): Promise<OrderRecord> {
  if (!isExpired(order, core.now())) return order;
  const expired: OrderRecord = { ...order, status: 'canceled', updatedAt: core.now() };
  await core.store.put('order', expired);
  await core.emit('order.canceled', expired.test, orderObject(expired));
  return expired;
}

/** An order for a write (capture, cancellation): expired first if its hold has ended. */
export async function loadOrderForWrite(core: SandboxCore, id: string, mode: Mode): Promise<OrderRecord> {
  return expireIfDue(core, await loadForMode(core.store, 'order', id, mode));
}

export const getOrder: Handler = async ({ core, mode, params, query }) => {
  const order = await loadForMode(core.store, 'order', params.id ?? '', mode);
  return ok(await orderView(core.store, order, wantsExpand(query)));
};

export const listOrders: Handler = async ({ core, mode, query }) => {
  const orders = await listForMode(core.store, 'order', mode);
  const expand = wantsExpand(query);
  return ok(await collection(orders, query, (order) => orderView(core.store, order, expand)));
};

/**
 * "Only orders in requires_capture or canceled status can be cancelled", else 409 `order.cannot-cancel`
 * (https://en.docs.smartpay.co/reference/cancel-order). `requires_capture` (also after partial captures)
 * → `canceled` + `order.canceled`; a canceled order is answered unchanged.
 */
export const cancelOrder: Handler = async ({ core, mode, params }) => {
  const order = await loadOrderForWrite(core, params.id ?? '', mode);
  if (order.status === 'canceled') return ok(orderObject(order));
  if (order.status !== 'requires_capture') {
    throw new ApiError(
      409,
      'order.cannot-cancel',
      `An order with status ${order.status} cannot be canceled; only orders in requires_capture or canceled status can be`,
    );
  }
  const canceled: OrderRecord = { ...order, status: 'canceled', updatedAt: core.now() };
  await core.store.put('order', canceled);
  await core.emit('order.canceled', canceled.test, orderObject(canceled));
  return ok(orderObject(canceled));
};
