import 'server-only';
import type { PendingCheckout } from '@/lib/checkout/pending-checkouts';
import { smartpay } from '@/lib/smartpay-api/client';
import { SmartpayError } from '@/lib/smartpay-api/errors';
import type { SmartpayOrderStatus } from '@/lib/smartpay-api/schemas';

/** What Smartpay says about a checkout the shopper returned from. Never taken from the query string. */
export type CheckoutConfirmation =
  | { kind: 'unavailable' }
  | {
      kind: 'order';
      reference: string;
      orderId: string;
      status: SmartpayOrderStatus;
      /** Smartpay authorized the order (captured or awaiting capture) for the amount and reference the shop sent. */
      paid: boolean;
      /** No further change is expected without the shopper or the merchant acting. */
      final: boolean;
      amount: number;
      shippingFee: number;
      lines: { name: string; quantity: number; unitAmount: number }[];
    };

const PAID: ReadonlySet<SmartpayOrderStatus> = new Set(['succeeded', 'requires_capture']);
const FINAL: ReadonlySet<SmartpayOrderStatus> = new Set(['succeeded', 'requires_capture', 'rejected', 'canceled', 'failed']);

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

export async function confirmCheckout(entry: PendingCheckout): Promise<CheckoutConfirmation> {
  let session;
  try {
    session = await smartpay().getCheckoutSession(entry.sessionId);
  } catch (error) {
    if (error instanceof SmartpayError) {
      console.error(`[confirm ${entry.reference}] ${error.toLogString()}`);
      return { kind: 'unavailable' };
    }
    throw error;
  }
  const order = typeof session.order === 'object' ? session.order : await smartpay().getOrder(String(session.order));
  const matches = (order.reference === undefined || order.reference === entry.reference) && order.amount === entry.amount;
  if (!matches) {
    console.error(`[confirm ${entry.reference}] order ${order.id} does not match: reference=${order.reference} amount=${order.amount} expected ${entry.amount}`);
  }

  const lines = (order.lineItems ?? []).flatMap((item) => {
    if (typeof item === 'string' || (item.kind && item.kind !== 'product')) return [];
    const price = record(item.price);
    const product = record(price.product);
    return [
      {
        name: String(product.name ?? ''),
        quantity: item.quantity ?? 1,
        unitAmount: item.amount ?? Number(price.amount ?? 0),
      },
    ];
  });

  return {
    kind: 'order',
    reference: entry.reference,
    orderId: order.id,
    status: order.status,
    paid: matches && PAID.has(order.status),
    final: FINAL.has(order.status),
    amount: order.amount,
    shippingFee: Number(record(order.shippingInfo).feeAmount ?? 0),
    lines,
  };
}
