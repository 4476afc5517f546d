import 'server-only';
import type { ShopDeps } from '@/lib/deps';
import { recordRefund } from '@/lib/orders/repository';
import { applySmartpayOrder, findOrderForSmartpayOrder } from '@/lib/orders/sync';
import { SmartpayError } from '@/lib/smartpay-api/errors';
import type { SmartpayEvent } from '@/lib/smartpay-api/schemas';

/** Event types the shop acts on. Anything else is acknowledged and logged. */
export const HANDLED_EVENT_TYPES = ['order.authorized', 'order.rejected', 'order.canceled', 'payment.created', 'refund.created'] as const;

export interface EventOutcome {
  outcome: string;
  smartpayOrderId?: string;
}

/**
 * Handles a verified Smartpay event. The payload only says which order changed: the order is fetched
 * again from Smartpay's API and the stored order is moved forward from that.
 */
export async function handleSmartpayEvent(deps: ShopDeps, event: SmartpayEvent): Promise<EventOutcome> {
  const { db, client } = deps;
  const { type, data } = event.eventData;
  if (!(HANDLED_EVENT_TYPES as readonly string[]).includes(type)) {
    console.info(`[webhook ${event.id}] ignored event type ${type}`);
    return { outcome: `ignored: unhandled type ${type}` };
  }

  let smartpayOrderId: string | undefined;
  let refund: { id: string; paymentId: string; amount: number; reason?: string } | undefined;
  if (type.startsWith('order.')) {
    smartpayOrderId = data.id;
  } else if (type === 'payment.created') {
    smartpayOrderId = typeof data.order === 'string' ? data.order : undefined;
  } else if (type === 'refund.created' && typeof data.id === 'string') {
    // The payload's amount and payment are not trusted: the refund is read back from the API.
    const confirmed = await client.getRefund(data.id).catch((error: unknown) => {
      if (error instanceof SmartpayError && error.statusCode === 404) return undefined;
      throw error;
    });
    if (!confirmed) {
      console.warn(`[webhook ${event.id}] refund.created for refund ${data.id}, which Smartpay does not know`);
      return { outcome: 'ignored: unknown refund' };
    }
    const payment = await client.getPayment(confirmed.payment);
    smartpayOrderId = payment.order;
    if (confirmed.status !== 'failed') {
      refund = { id: confirmed.id, paymentId: payment.id, amount: confirmed.amount, reason: confirmed.reason };
    }
  }
  if (!smartpayOrderId) return { outcome: 'ignored: no order in the event' };

  const remote = await client.getOrder(smartpayOrderId);
  const order = await findOrderForSmartpayOrder(db, remote);
  if (!order) {
    console.warn(`[webhook ${event.id}] ${type} for Smartpay order ${remote.id} that this shop did not create`);
    return { outcome: 'ignored: unknown order', smartpayOrderId };
  }
  if (refund) {
    if (order.smartpayOrderId !== remote.id) {
      console.error(`[webhook ${event.id}] refund ${refund.id} is for Smartpay order ${remote.id}, not ${order.smartpayOrderId ?? 'none'} of ${order.reference}`);
      return { outcome: 'refused: the refund is not for this order', smartpayOrderId };
    }
    await recordRefund(db, order.id, refund);
  }
  const result = await applySmartpayOrder(db, order, remote, 'webhook', `${type} (${event.id})`);
  return {
    outcome: result.changed ? `processed: ${order.status} → ${result.order.status}` : `processed: no change (${result.order.status})`,
    smartpayOrderId,
  };
}
