import { collection } from './collection';
import { ok, type Handler, type SandboxCore } from './core';
import { ApiError } from './errors';
import { orderView, wantsExpand } from './expand';
import { listForMode, loadForMode } from './load';
import type { Mode, OrderRecord } from './types';

/** How long an authorization holds before it can no longer be captured. */
export const AUTHORIZATION_HOLD_MS = 7 * 24 * 60 * 60 * 1000;

/** A manual-capture order past its hold becomes `canceled` (checked whenever the order is read). */
export async function refreshOrder(core: SandboxCore, order: OrderRecord): Promise<OrderRecord> {
  if (order.status !== 'requires_capture' || order.expiresAt === undefined || core.now() < order.expiresAt) return order;
  const expired: OrderRecord = { ...order, status: 'canceled', updatedAt: core.now() };
  await core.store.put('order', expired);
  await core.emit('order.canceled', expired.test, expired);
  return expired;
}

export async function loadOrder(core: SandboxCore, id: string, mode: Mode): Promise<OrderRecord> {
  return refreshOrder(core, await loadForMode(core.store, 'order', id, mode));
}

export const getOrder: Handler = async ({ core, mode, params, query }) => {
  const order = await loadOrder(core, params.id ?? '', mode);
  return ok(await orderView(core.store, order, wantsExpand(query)));
};

export const listOrders: Handler = async ({ core, mode, query }) => {
  const orders = await Promise.all((await listForMode(core.store, 'order', mode)).map((o) => refreshOrder(core, o)));
  const expand = wantsExpand(query);
  return ok(await collection(orders, query, (order) => orderView(core.store, order, expand)));
};

/**
 * `requires_authorization` and `requires_capture` orders can be canceled; canceling a canceled
 * order answers it unchanged; `succeeded` and `rejected` orders answer 409 `order.cannot-cancel`.
 */
export const cancelOrder: Handler = async ({ core, mode, params }) => {
  const order = await loadOrder(core, params.id ?? '', mode);
  if (order.status === 'canceled') return ok(order);
  if (order.status !== 'requires_authorization' && order.status !== 'requires_capture') {
    throw new ApiError(409, 'order.cannot-cancel', `An order with status ${order.status} cannot be canceled`);
  }
  const canceled: OrderRecord = { ...order, status: 'canceled', updatedAt: core.now() };
  await core.store.put('order', canceled);
  await core.emit('order.canceled', canceled.test, canceled);
  return ok(canceled);
};
