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
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

// News may skip steps (a refund seen before the capture was), so later statuses are reachable directly.
const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['failed', 'awaiting_authorization', 'requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded'],
  failed: ['awaiting_authorization', 'requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded'],
  awaiting_authorization: ['requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded'],
  requires_capture: ['succeeded', 'canceled', 'refunded'],
  succeeded: ['refunded'],
  rejected: [],
  canceled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

/** Statuses after which nothing happens without the merchant acting. */
export function isSettled(status: OrderStatus): boolean {
  return status !== 'pending' && status !== 'awaiting_authorization';
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
