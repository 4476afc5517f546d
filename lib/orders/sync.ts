import 'server-only';
import type { Database } from '@/lib/db/client';
import { getOrderByReference, getOrderBySmartpayOrderId, transitionOrder, type Order, type StatusSource } from '@/lib/orders/repository';
import { statusFromSmartpay } from '@/lib/orders/status';
import type { ShopDeps } from '@/lib/deps';
import type { SmartpayOrder } from '@/lib/smartpay-api/schemas';

/**
 * Brings a stored order in line with what Smartpay reports. Used by the return page, the status route,
 * the webhook and the merchant's actions: whichever comes first moves the order, the rest change nothing.
 * A Smartpay order other than the one the stored order names, or with another reference or amount, is
 * logged and refused.
 */
export async function applySmartpayOrder(
  db: Database,
  order: Order,
  remote: SmartpayOrder,
  source: StatusSource,
  detail?: string,
): Promise<{ order: Order; changed: boolean }> {
  if (order.smartpayOrderId !== null && remote.id !== order.smartpayOrderId) {
    console.error(`[order ${order.reference}] refused news of Smartpay order ${remote.id}: this order is Smartpay order ${order.smartpayOrderId}`);
    return { order, changed: false };
  }
  if ((remote.reference !== undefined && remote.reference !== order.reference) || remote.amount !== order.total) {
    console.error(
      `[order ${order.reference}] Smartpay order ${remote.id} does not match: reference=${remote.reference} amount=${remote.amount}, expected ${order.total}`,
    );
    return { order, changed: false };
  }
  const payments = (remote.payments ?? []).filter((p) => typeof p !== 'string');
  const capturedAmount = payments.reduce((sum, p) => sum + p.amount, 0);
  const fullyRefunded = payments.length > 0 && payments.every((p) => p.status === 'refunded');
  const target = statusFromSmartpay(remote.status, fullyRefunded);
  return transitionOrder(db, order.id, target, source, detail ?? `Smartpay status ${remote.status}`, {
    smartpayOrderId: remote.id,
    smartpayStatus: remote.status,
    ...(payments.length > 0 ? { capturedAmount } : {}),
  });
}

/** Asks Smartpay for the order's current state and applies it. Throws SmartpayError when Smartpay can't answer. */
export async function syncOrderFromSmartpay(deps: ShopDeps, order: Order, source: StatusSource): Promise<{ order: Order; changed: boolean }> {
  const { client } = deps;
  let remote: SmartpayOrder | undefined;
  if (order.smartpayOrderId) {
    remote = await client.getOrder(order.smartpayOrderId);
  } else if (order.smartpaySessionId) {
    const session = await client.getCheckoutSession(order.smartpaySessionId);
    remote = typeof session.order === 'object' ? session.order : session.order ? await client.getOrder(session.order) : undefined;
  }
  if (!remote) return { order, changed: false };
  return applySmartpayOrder(deps.db, order, remote, source);
}

/** The stored order a Smartpay order belongs to: by its id, else by the shop's reference it carries. */
export async function findOrderForSmartpayOrder(db: Database, remote: SmartpayOrder): Promise<Order | undefined> {
  return (await getOrderBySmartpayOrderId(db, remote.id)) ?? (remote.reference ? await getOrderByReference(db, remote.reference) : undefined);
}
