import 'server-only';
import type { ShopDeps } from '@/lib/deps';
import { capturableAmount, isActionAllowed, refundableAmount, type MerchantAction } from '@/lib/merchant/allowed-actions';
import { FORM_KEY, merchantIdempotencyKey } from '@/lib/merchant/idempotency';
import { getOrderById, getOrderRefunds, recordRefund, type Order } from '@/lib/orders/repository';
import type { OrderStatus } from '@/lib/orders/status';
import { applySmartpayOrder, syncOrderFromSmartpay } from '@/lib/orders/sync';
import { SmartpayError, type SmartpayErrorKind } from '@/lib/smartpay-api/errors';

/**
 * The merchant's actions on an order: capture, cancel, refund. Each checks that the order's status
 * allows it, calls Smartpay with an idempotency key derived from the form's key, then re-fetches the
 * order from Smartpay and applies what it reports. Dependencies are passed in so tests can use their own.
 */

export const refundReasons = ['requested_by_customer', 'fraudulent'] as const;
export type RefundReason = (typeof refundReasons)[number];

export type OperationFailure =
  | { reason: 'not-found' }
  | { reason: 'invalid-form' }
  | { reason: 'not-allowed'; status: OrderStatus }
  | { reason: 'invalid-amount'; max: number }
  | { reason: 'no-smartpay-order' }
  | { reason: 'smartpay'; kind: SmartpayErrorKind; statusCode?: number; errorCode?: string; message: string };

export type OperationResult =
  | { ok: true; action: MerchantAction; amount: number; order: Order }
  | { ok: false; action: MerchantAction; error: OperationFailure };

const fail = (action: MerchantAction, error: OperationFailure): OperationResult => ({ ok: false, action, error });

function smartpayFailure(error: unknown): OperationFailure {
  if (!(error instanceof SmartpayError)) throw error;
  return { reason: 'smartpay', kind: error.kind, statusCode: error.statusCode, errorCode: error.errorCode, message: error.message };
}

/** Which order, the form's key, and, for a visitor of the public demo, the browser the order must belong to. */
interface OperationInput {
  orderId: string;
  formKey: string;
  /** When set, only an order of this owner (lib/checkout/browser-id.ts) may be acted on. */
  owner?: string;
}

/** Loads the order and checks the form key, the owner, and that `action` is allowed in its status. */
async function prepare(deps: ShopDeps, action: MerchantAction, input: OperationInput): Promise<{ order: Order } | { error: OperationFailure }> {
  if (!FORM_KEY.test(input.formKey)) return { error: { reason: 'invalid-form' } };
  const order = await getOrderById(deps.db, input.orderId);
  if (!order || (input.owner !== undefined && order.owner !== input.owner)) return { error: { reason: 'not-found' } };
  if (!isActionAllowed(order, action)) return { error: { reason: 'not-allowed', status: order.status } };
  return { order };
}

/** The Smartpay order id, asking Smartpay through the checkout session when the shop has not stored it yet. */
async function smartpayOrderIdOf(deps: ShopDeps, order: Order): Promise<string | undefined> {
  if (order.smartpayOrderId) return order.smartpayOrderId;
  const synced = await syncOrderFromSmartpay(deps, order, 'merchant');
  return synced.order.smartpayOrderId ?? undefined;
}

/** Re-fetches the order from Smartpay and applies it. A failure here is logged: the action itself is done. */
async function resync(deps: ShopDeps, order: Order, smartpayOrderId: string, detail: string): Promise<Order> {
  try {
    const remote = await deps.client.getOrder(smartpayOrderId);
    return (await applySmartpayOrder(deps.db, order, remote, 'merchant', detail)).order;
  } catch (error) {
    if (!(error instanceof SmartpayError)) throw error;
    console.error(`[order ${order.reference}] could not re-fetch after "${detail}": ${error.toLogString()}`);
    return (await getOrderById(deps.db, order.id)) ?? order;
  }
}

function parseAmount(amount: number, max: number): number | undefined {
  return Number.isSafeInteger(amount) && amount >= 1 && amount <= max ? amount : undefined;
}

export async function captureOrder(deps: ShopDeps, input: OperationInput & { amount: number }): Promise<OperationResult> {
  const prepared = await prepare(deps, 'capture', input);
  if ('error' in prepared) return fail('capture', prepared.error);
  const { order } = prepared;
  const max = capturableAmount(order);
  const amount = parseAmount(input.amount, max);
  if (amount === undefined) return fail('capture', { reason: 'invalid-amount', max });
  let smartpayOrderId: string | undefined;
  try {
    smartpayOrderId = await smartpayOrderIdOf(deps, order);
    if (!smartpayOrderId) return fail('capture', { reason: 'no-smartpay-order' });
    const payment = await deps.client.capturePayment(
      { order: smartpayOrderId, amount, cancelRemainder: 'automatic', reference: order.reference },
      merchantIdempotencyKey(input.formKey, 'capture', amount),
    );
    const updated = await resync(deps, order, smartpayOrderId, `captured ${amount} JPY (${payment.id})`);
    return { ok: true, action: 'capture', amount, order: updated };
  } catch (error) {
    const failure = smartpayFailure(error);
    if (smartpayOrderId) await resync(deps, order, smartpayOrderId, 're-checked after a refused capture');
    return fail('capture', failure);
  }
}

export async function cancelOrder(deps: ShopDeps, input: OperationInput): Promise<OperationResult> {
  const prepared = await prepare(deps, 'cancel', input);
  if ('error' in prepared) return fail('cancel', prepared.error);
  const { order } = prepared;
  let smartpayOrderId: string | undefined;
  try {
    smartpayOrderId = await smartpayOrderIdOf(deps, order);
    if (!smartpayOrderId) return fail('cancel', { reason: 'no-smartpay-order' });
    await deps.client.cancelOrder(smartpayOrderId, merchantIdempotencyKey(input.formKey, 'cancel', 0));
    const updated = await resync(deps, order, smartpayOrderId, 'canceled by the merchant');
    return { ok: true, action: 'cancel', amount: 0, order: updated };
  } catch (error) {
    const failure = smartpayFailure(error);
    if (smartpayOrderId) await resync(deps, order, smartpayOrderId, 're-checked after a refused cancellation');
    return fail('cancel', failure);
  }
}

/** How much of each payment is still refundable: Smartpay's payments, less the refunds the shop recorded. */
async function refundablePayments(deps: ShopDeps, order: Order, smartpayOrderId: string) {
  const remote = await deps.client.getOrder(smartpayOrderId);
  const refunds = await getOrderRefunds(deps.db, order.id);
  return (remote.payments ?? [])
    .filter((payment) => typeof payment !== 'string')
    .map((payment) => {
      const refunded = refunds.filter((r) => r.smartpayPaymentId === payment.id).reduce((sum, r) => sum + r.amount, 0);
      return { id: payment.id, refundable: payment.status === 'refunded' ? 0 : Math.max(0, payment.amount - refunded) };
    })
    .filter((payment) => payment.refundable > 0);
}

/** Splits an amount over payments, first payment first. */
export function allocateRefund(amount: number, payments: { id: string; refundable: number }[]): { paymentId: string; amount: number }[] {
  const parts: { paymentId: string; amount: number }[] = [];
  let left = amount;
  for (const payment of payments) {
    if (left <= 0) break;
    const part = Math.min(left, payment.refundable);
    if (part > 0) parts.push({ paymentId: payment.id, amount: part });
    left -= part;
  }
  return parts;
}

export async function refundOrder(
  deps: ShopDeps,
  input: OperationInput & { amount: number; reason: string },
): Promise<OperationResult> {
  const prepared = await prepare(deps, 'refund', input);
  if ('error' in prepared) return fail('refund', prepared.error);
  const { order } = prepared;
  if (!(refundReasons as readonly string[]).includes(input.reason)) return fail('refund', { reason: 'invalid-form' });
  const reason = input.reason as RefundReason;
  const max = refundableAmount(order);
  const amount = parseAmount(input.amount, max);
  if (amount === undefined) return fail('refund', { reason: 'invalid-amount', max });
  let smartpayOrderId: string | undefined;
  let refunded = 0;
  try {
    smartpayOrderId = await smartpayOrderIdOf(deps, order);
    if (!smartpayOrderId) return fail('refund', { reason: 'no-smartpay-order' });
    const payments = await refundablePayments(deps, order, smartpayOrderId);
    const available = payments.reduce((sum, p) => sum + p.refundable, 0);
    if (amount > available) return fail('refund', { reason: 'invalid-amount', max: available });
    for (const part of allocateRefund(amount, payments)) {
      const refund = await deps.client.createRefund(
        { payment: part.paymentId, amount: part.amount, reason, reference: order.reference },
        merchantIdempotencyKey(input.formKey, 'refund', amount, `${part.paymentId}:${part.amount}`),
      );
      await recordRefund(deps.db, order.id, { id: refund.id, paymentId: refund.payment, amount: refund.amount, reason });
      refunded += refund.amount;
    }
    const updated = await resync(deps, order, smartpayOrderId, `refunded ${amount} JPY (${reason})`);
    return { ok: true, action: 'refund', amount, order: updated };
  } catch (error) {
    const failure = smartpayFailure(error);
    if (smartpayOrderId) await resync(deps, order, smartpayOrderId, refunded > 0 ? `refunded ${refunded} of ${amount} JPY` : 're-checked after a refused refund');
    return fail('refund', failure);
  }
}
