import { collection } from './collection';
import { ok, type Handler } from './core';
import { ApiError } from './errors';
import { newId } from './ids';
import { listForMode, loadForMode } from './load';
import type { PaymentRecord, RefundRecord } from './types';
import { createRefundSchema, parseBody, updateObjectSchema } from './validation';

/** Refunds part or all of a payment; more than what is left is 403 `amount.insufficient`. */
export const createRefund: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createRefundSchema, body);
  const payment = await loadForMode(core.store, 'payment', input.payment, mode);
  const refunds = (await listForMode(core.store, 'refund', mode)).filter((r) => r.payment === payment.id);
  const remaining = payment.amount - refunds.reduce((sum, r) => sum + r.amount, 0);
  if (input.amount > remaining) {
    throw new ApiError(403, 'amount.insufficient', `The amount exceeds the refundable amount (${remaining})`, [
      { path: 'amount', message: `must be at most ${remaining}` },
    ]);
  }
  const now = core.now();
  const refund: RefundRecord = {
    id: newId('refund', mode),
    object: 'refund',
    test: payment.test,
    createdAt: now,
    updatedAt: now,
    payment: payment.id,
    amount: input.amount,
    currency: 'JPY',
    reason: input.reason,
    status: 'succeeded',
    reference: input.reference,
    description: input.description,
    lineItems: input.lineItems ?? [],
    metadata: input.metadata ?? {},
  };
  await core.store.put('refund', refund);
  if (input.amount === remaining) {
    const refunded: PaymentRecord = { ...payment, status: 'refunded', updatedAt: now };
    await core.store.put('payment', refunded);
  }
  await core.emit('refund.created', refund.test, refund);
  return ok(refund);
};

export const getRefund: Handler = async ({ core, mode, params }) =>
  ok(await loadForMode(core.store, 'refund', params.id ?? '', mode));

export const updateRefund: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updateObjectSchema, body);
  const refund = await loadForMode(core.store, 'refund', params.id ?? '', mode);
  const updated: RefundRecord = { ...refund, ...input, metadata: input.metadata ?? refund.metadata, updatedAt: core.now() };
  await core.store.put('refund', updated);
  return ok(updated);
};

export const listRefunds: Handler = async ({ core, mode, query }) =>
  ok(await collection(await listForMode(core.store, 'refund', mode), query, (refund) => refund));
