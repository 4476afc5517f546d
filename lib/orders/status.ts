import type { SmartpayOrderStatus } from '@/lib/smartpay-api/schemas';

/**
 * The shop's order statuses. An order only moves forward through this table, whichever of the return
 * page, the webhook or a re-check brings the news first; late or repeated news never moves it back.
 */
export const orderStatuses = [
  'pending', // recorded, Smartpay not yet asked
  'failed', // the checkout session could not be created
  'awaiting_authorization', // the shopper is on (or left) Smartpay's checkout
  'requires_capture', // authorized, manual capture pending
  'succeeded', // authorized and captured
  'rejected', // Smartpay declined it
  'canceled', // canceled before capture (by the merchant, or the authorization expired)
  'refunded', // fully refunded
  'abandoned', // the shop's own verdict: likely never to be paid (a newer order from the same browser, or no payment for too long)
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Statuses of an order nobody has paid yet, which the shop may call `abandoned` (lib/orders/abandon.ts). */
export const abandonableStatuses = ['pending', 'failed', 'awaiting_authorization'] as const satisfies readonly OrderStatus[];

// News may skip steps (a refund seen before the capture was), so later statuses are reachable directly.
// `abandoned` is a guess, not news from Smartpay: a late webhook or re-check saying the order was authorized,
// paid, declined or canceled still moves it; "still awaiting authorization" does not bring it back.
const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['failed', 'awaiting_authorization', 'requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded', 'abandoned'],
  failed: ['awaiting_authorization', 'requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded', 'abandoned'],
  awaiting_authorization: ['requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded', 'abandoned'],
  abandoned: ['requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded'],
  requires_capture: ['succeeded', 'canceled', 'refunded'],
  succeeded: ['refunded'],
  rejected: [],
  canceled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * Statuses after which nothing happens without the merchant acting. An abandoned order is not settled: the
 * return page and the status route keep asking Smartpay, in case the shopper paid it after all.
 */
export function isSettled(status: OrderStatus): boolean {
  return status !== 'pending' && status !== 'awaiting_authorization' && status !== 'abandoned';
}

/** The shopper has paid (or Smartpay holds the authorization). */
export function isPaid(status: OrderStatus): boolean {
  return status === 'succeeded' || status === 'requires_capture' || status === 'refunded';
}

/**
 * The shop status for what Smartpay reports. A succeeded order whose payments are all refunded is
 * `refunded`; Smartpay's `pending` means authorization is still under way.
 */
export function statusFromSmartpay(status: SmartpayOrderStatus, fullyRefunded = false): OrderStatus {
  switch (status) {
    case 'requires_authorization':
    case 'pending':
      return 'awaiting_authorization';
    case 'requires_capture':
      return 'requires_capture';
    case 'succeeded':
      return fullyRefunded ? 'refunded' : 'succeeded';
    case 'rejected':
      return 'rejected';
    case 'canceled':
      return 'canceled';
    case 'failed':
      return 'failed';
  }
}
