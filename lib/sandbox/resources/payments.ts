import { collection } from '../api/collection';
import { ok, type Handler, type SandboxCore } from '../api/handler';
import { ApiError } from '../api/errors';
import { apiObject, paymentView, wantsExpand } from '../api/objects';
import { newId } from '../store/ids';
import { listForMode, loadForMode } from '../api/load';
import { loadOrderForWrite } from './orders';
import type { OrderRecord, PaymentRecord } from '../store/records';
import { createPaymentSchema, parseBody, updateObjectSchema } from '../api/validation';

export async function capturedAmount(core: SandboxCore, order: OrderRecord): Promise<number> {
  let total = 0;
  for (const id of order.payments) total += (await core.store.get('payment', id))?.amount ?? 0;
  return total;
}

/**
 * `lineItems` of a capture or refund that are not line items of `order`: accepted with a warning, as
 * Smartpay does not document what it does with them ("the IDs of the Line Items of the original order").
 */
export function foreignLineItemWarnings(order: OrderRecord, lineItems: string[]): string[] {
  return lineItems.flatMap((id, index) =>
    order.lineItems.includes(id)
      ? []
      : [`lineItems.${index} (${id.slice(0, 60)}) is not a line item of order ${order.id}; what Smartpay does with it is not documented`],
  );
}

/** Stores a processed payment on an order; the order's new state and the event are the caller's. */
export async function recordPayment(
  core: SandboxCore,
  order: OrderRecord,
  amount: number,
  extra: Pick<PaymentRecord, 'reference' | 'description' | 'metadata' | 'lineItems' | 'sandboxWarnings'>,
): Promise<{ payment: PaymentRecord; order: OrderRecord }> {
  const now = core.now();
  const payment: PaymentRecord = {
    id: newId('payment', order.test ? 'test' : 'live'),
    object: 'payment',
    test: order.test,
    createdAt: now,
    updatedAt: now,
    amount,
    currency: 'JPY',
    order: order.id,
    status: 'processed',
    ...extra,
  };
  await core.store.put('payment', payment);
  return { payment, order: { ...order, payments: [...order.payments, payment.id], updatedAt: now } };
}

/**
 * Captures part or all of a `requires_capture` order. `cancelRemainder: automatic` (default) ends
 * capturing and the order becomes `succeeded`; `manual` leaves it capturable until the total is reached.
 * An order whose authorization has expired is canceled first (and so cannot be captured).
 */
export const createPayment: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createPaymentSchema, body);
  const order = await loadOrderForWrite(core, input.order, mode);
  if (order.status !== 'requires_capture') {
    throw new ApiError(409, 'order.cannot-capture', `An order with status ${order.status} cannot be captured`);
  }
  const remaining = order.amount - (await capturedAmount(core, order));
  if (input.amount > remaining) {
    throw new ApiError(409, 'payment.excessive-amount', `The amount exceeds the capturable amount (${remaining})`, [
      { path: 'amount', message: `must be at most ${remaining}` },
    ]);
  }
  const lineItems = input.lineItems ?? [];
  const warnings = foreignLineItemWarnings(order, lineItems);
  const { payment, order: updated } = await recordPayment(core, order, input.amount, {
    reference: input.reference,
    description: input.description,
    metadata: input.metadata ?? {},
    lineItems,
    ...(warnings.length > 0 ? { sandboxWarnings: warnings } : {}),
  });
  const done = (input.cancelRemainder ?? 'automatic') === 'automatic' || input.amount === remaining;
  const final: OrderRecord = done ? { ...updated, status: 'succeeded' } : updated;
  await core.store.put('order', final);
  await core.emit('payment.created', payment.test, apiObject(payment));
  return ok(apiObject(payment), warnings);
};

export const getPayment: Handler = async ({ core, mode, params, query }) =>
  ok(await paymentView(core.store, await loadForMode(core.store, 'payment', params.id ?? '', mode), wantsExpand(query)));

export const updatePayment: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updateObjectSchema, body);
  const payment = await loadForMode(core.store, 'payment', params.id ?? '', mode);
  const updated: PaymentRecord = { ...payment, ...input, metadata: input.metadata ?? payment.metadata, updatedAt: core.now() };
  await core.store.put('payment', updated);
  return ok(apiObject(updated));
};

export const listPayments: Handler = async ({ core, mode, query }) => {
  const expand = wantsExpand(query);
  return ok(await collection(await listForMode(core.store, 'payment', mode), query, (payment) => paymentView(core.store, payment, expand)));
};
