import type { Order } from '@/lib/orders/repository';

/** What the merchant may do with an order in its current status, as Smartpay's API allows it. */

export type MerchantAction = 'capture' | 'cancel' | 'refund';

/** The part of the order total not captured yet. */
export const capturableAmount = (order: Pick<Order, 'total' | 'capturedAmount'>) => Math.max(0, order.total - order.capturedAmount);

/** What is captured and not refunded yet. */
export const refundableAmount = (order: Pick<Order, 'capturedAmount' | 'refundedAmount'>) =>
  Math.max(0, order.capturedAmount - order.refundedAmount);

export function isActionAllowed(order: Pick<Order, 'status' | 'total' | 'capturedAmount' | 'refundedAmount'>, action: MerchantAction): boolean {
  switch (action) {
    case 'capture':
      return order.status === 'requires_capture' && capturableAmount(order) > 0;
    case 'cancel':
      // "Only orders in requires_capture or canceled status can be cancelled" (https://en.docs.smartpay.co/reference/cancel-order);
      // an order awaiting authorization is refused with 409 order.cannot-cancel, so it is not offered.
      return order.status === 'requires_capture';
    case 'refund':
      return order.status === 'succeeded' && refundableAmount(order) > 0;
  }
}

export function allowedActions(order: Pick<Order, 'status' | 'total' | 'capturedAmount' | 'refundedAmount'>): MerchantAction[] {
  return (['capture', 'cancel', 'refund'] as const).filter((action) => isActionAllowed(order, action));
}
