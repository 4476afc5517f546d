import 'server-only';
import type { ShopDeps } from '@/lib/deps';
import { getOrderByReference, type Order, type StatusSource } from '@/lib/orders/repository';
import { isSettled } from '@/lib/orders/status';
import { syncOrderFromSmartpay } from '@/lib/orders/sync';
import { shopLimits } from '@/lib/rate-limits';
import { SmartpayError } from '@/lib/smartpay-api/errors';

/**
 * A stored order, brought up to date with Smartpay first when it is not settled yet and nobody asked
 * Smartpay about it in the last few seconds (then the stored order is as fresh as it gets).
 * `unavailable` is true when Smartpay could not be asked; the stored order is returned as it was.
 */
export async function getFreshOrder(
  deps: ShopDeps,
  reference: string,
  source: StatusSource,
  /** The client address asking (lib/http/client-ip.ts): each has a budget of re-checks (lib/rate-limits.ts). */
  clientAddress: string,
): Promise<{ order: Order; unavailable: boolean } | undefined> {
  const order = await getOrderByReference(deps.db, reference);
  if (!order) return undefined;
  if (isSettled(order.status)) return { order, unavailable: false };
  // However many tabs, polls and instances ask, Smartpay is asked about one order once every few seconds;
  // one address has a budget a minute over all orders, and all addresses together one per Smartpay key
  // (an order's first re-check aside); otherwise the stored order is the answer.
  if (!(await (await shopLimits()).claimRecheck(order.id, clientAddress))) return { order, unavailable: false };
  try {
    return { order: (await syncOrderFromSmartpay(deps, order, source)).order, unavailable: false };
  } catch (error) {
    if (!(error instanceof SmartpayError)) throw error;
    console.error(`[order ${reference}] could not re-check with Smartpay: ${error.toLogString()}`);
    return { order, unavailable: true };
  }
}
