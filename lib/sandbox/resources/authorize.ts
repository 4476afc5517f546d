import type { SandboxCore } from '../api/handler';
import { apiObject, orderObject } from '../api/objects';
import { AUTHORIZATION_HOLD_MS } from './orders';
import { recordPayment } from './payments';
import type { OrderRecord } from '../store/records';

/**
 * Authorizes a `requires_authorization` order. Manual capture → `requires_capture` and `order.authorized`;
 * automatic capture → a processed payment for the full amount, `succeeded`, `order.authorized` then
 * `payment.created`. Either way `expiresAt` = now + the authorization hold.
 */
export async function authorizeOrder(core: SandboxCore, order: OrderRecord): Promise<OrderRecord> {
  const now = core.now();
  const authorized: OrderRecord = { ...order, status: 'requires_capture', expiresAt: now + AUTHORIZATION_HOLD_MS, updatedAt: now };
  if (order.captureMethod === 'manual') {
    await core.store.put('order', authorized);
    await core.emit('order.authorized', authorized.test, orderObject(authorized));
    return authorized;
  }
  const { payment, order: withPayment } = await recordPayment(core, authorized, order.amount, {
    metadata: {},
    lineItems: [],
  });
  const succeeded: OrderRecord = { ...withPayment, status: 'succeeded' };
  await core.store.put('order', succeeded);
  await core.emit('order.authorized', succeeded.test, orderObject(succeeded));
  await core.emit('payment.created', payment.test, apiObject(payment));
  return succeeded;
}
