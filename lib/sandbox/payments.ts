import { collection } from './collection';
import { ok, type Handler, type SandboxCore } from './core';
import { ApiError } from './errors';
import { newId } from './ids';
import { listForMode, loadForMode } from './load';
import { loadOrder } from './orders';
import type { OrderRecord, PaymentRecord } from './types';
import { createPaymentSchema, parseBody, updateObjectSchema } from './validation';

export async function capturedAmount(core: SandboxCore, order: OrderRecord): Promise<number> {
  let total = 0;
  for (const id of order.payments) total += (await core.store.get('payment', id))?.amount ?? 0;
  return total;
}

/** Stores a processed payment on an order and emits `payment.created`; the order's new state is the caller's. */
export async function recordPayment(
  core: SandboxCore,
  order: OrderRecord,
  amount: number,
  extra: Pick<PaymentRecord, 'reference' | 'description' | 'metadata' | 'lineItems'>,
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
 */
export const createPayment: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createPaymentSchema, body);
  const order = await loadOrder(core, input.order, mode);
  if (order.status !== 'requires_capture') {
    throw new ApiError(409, 'order.cannot-capture', `An order with status ${order.status} cannot be captured`);
  }
  const remaining = order.amount - (await capturedAmount(core, order));
  if (input.amount > remaining) {
    throw new ApiError(409, 'payment.excessive-amount', `The amount exceeds the capturable amount (${remaining})`, [
      { path: 'amount', message: `must be at most ${remaining}` },
    ]);
  }
  const { payment, order: updated } = await recordPayment(core, order, input.amount, {
    reference: input.reference,
    description: input.description,
    metadata: input.metadata ?? {},
    lineItems: input.lineItems ?? [],
  });
  const done = (input.cancelRemainder ?? 'automatic') === 'automatic' || input.amount === remaining;
  const final: OrderRecord = done ? { ...updated, status: 'succeeded' } : updated;
  await core.store.put('order', final);
  await core.emit('payment.created', payment.test, payment);
  return ok(payment);
};

export const getPayment: Handler = async ({ core, mode, params }) =>
  ok(await loadForMode(core.store, 'payment', params.id ?? '', mode));

export const updatePayment: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updateObjectSchema, body);
  const payment = await loadForMode(core.store, 'payment', params.id ?? '', mode);
  const updated: PaymentRecord = { ...payment, ...input, metadata: input.metadata ?? payment.metadata, updatedAt: core.now() };
  await core.store.put('payment', updated);
  return ok(updated);
};

export const listPayments: Handler = async ({ core, mode, query }) =>
  ok(await collection(await listForMode(core.store, 'payment', mode), query, (payment) => payment));
