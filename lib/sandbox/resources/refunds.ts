import { collection } from '../api/collection';
import { ok, type Handler } from '../api/handler';
import { ApiError } from '../api/errors';
import { apiObject, refundView, wantsExpand } from '../api/objects';
import { newId } from '../store/ids';
import { listForMode, loadForMode } from '../api/load';
import { foreignLineItemWarnings } from './payments';
import type { PaymentRecord, RefundRecord } from '../store/records';
import { createRefundSchema, parseBody, updateObjectSchema } from '../api/validation';

/**
 * Refunds part or all of a payment (all that is left when `amount` is absent, sdk-go `RefundCreate`); more than
 * what is left, or nothing left, is 403 `amount.insufficient`.
 */
export const createRefund: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createRefundSchema, body);
  const payment = await loadForMode(core.store, 'payment', input.payment, mode);
  const refunds = (await listForMode(core.store, 'refund', mode)).filter((r) => r.payment === payment.id);
  const remaining = payment.amount - refunds.reduce((sum, r) => sum + r.amount, 0);
  const amount = input.amount ?? remaining;
  if (amount > remaining || amount < 1) {
    throw new ApiError(403, 'amount.insufficient', `The amount exceeds the refundable amount (${remaining})`, [
      { path: 'amount', message: `must be at most ${remaining}` },
    ]);
  }
  const lineItems = input.lineItems ?? [];
  const order = await core.store.get('order', payment.order);
  const warnings = order ? foreignLineItemWarnings(order, lineItems) : [];
  const now = core.now();
  const refund: RefundRecord = {
    id: newId('refund', mode),
    object: 'refund',
    test: payment.test,
    createdAt: now,
    updatedAt: now,
    payment: payment.id,
    amount,
    currency: 'JPY',
    reason: input.reason,
    status: 'succeeded',
    reference: input.reference,
    description: input.description,
    lineItems,
    metadata: input.metadata ?? {},
    ...(warnings.length > 0 ? { sandboxWarnings: warnings } : {}),
  };
  await core.store.put('refund', refund);
  if (amount === remaining) {
    const refunded: PaymentRecord = { ...payment, status: 'refunded', updatedAt: now };
    await core.store.put('payment', refunded);
  }
  await core.emit('refund.created', refund.test, apiObject(refund));
  return ok(apiObject(refund), warnings);
};

export const getRefund: Handler = async ({ core, mode, params, query }) =>
  ok(await refundView(core.store, await loadForMode(core.store, 'refund', params.id ?? '', mode), wantsExpand(query)));

export const updateRefund: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updateObjectSchema, body);
  const refund = await loadForMode(core.store, 'refund', params.id ?? '', mode);
  const updated: RefundRecord = { ...refund, ...input, metadata: input.metadata ?? refund.metadata, updatedAt: core.now() };
  await core.store.put('refund', updated);
  return ok(apiObject(updated));
};

export const listRefunds: Handler = async ({ core, mode, query }) => {
  const expand = wantsExpand(query);
  return ok(await collection(await listForMode(core.store, 'refund', mode), query, (refund) => refundView(core.store, refund, expand)));
};
