import { z } from 'zod';
import { countSoftDecline } from '../hosted-page/soft-decline';
import { authorizeOrder } from './authorize';
import { ok, type Handler } from '../api/handler';
import { ApiError } from '../api/errors';
import { orderView } from '../api/objects';
import { loadForMode } from '../api/load';
import type { OrderRecord, TokenRecord } from '../store/records';
import { parseBody } from '../api/validation';

/**
 * What a signed-in test consumer does in place of the hosted page (consumer-api.ts runs these as the owner
 * of the order or token, in test mode):
 * - `POST /orders/{id}/authorizations` `{paymentMethod, paymentPlan}`: the payment method decides, as the
 *   hosted page's buttons do: `pm_test_visaApproved` approves (authorize.ts: `requires_capture`, or `succeeded`
 *   with its payment for automatic capture), `pm_test_visaDeclined` declines (`rejected` + `order.rejected`),
 *   `pm_test_visaSoftDeclined` soft-declines (unchanged + `order.rejected`). Answers the order.
 * - `PUT /tokens/{id}/approve`: `requires_authorization` → `active` + `token.approved`. Answers the token.
 * Anything not awaiting authorization is 409 (`order.cannot-authorize`, `token.cannot-approve`).
 */

export const TEST_PAYMENT_METHODS = {
  pm_test_visaApproved: 'approve',
  pm_test_visaDeclined: 'decline',
  pm_test_visaSoftDeclined: 'soft-decline',
} as const;

type TestPaymentMethod = keyof typeof TEST_PAYMENT_METHODS;
const METHODS = Object.keys(TEST_PAYMENT_METHODS) as [TestPaymentMethod, ...TestPaymentMethod[]];

export const PAYMENT_PLANS = ['pay_in_three'] as const;

const authorizationSchema = z.object({
  paymentMethod: z.enum(METHODS, { error: `must be a test payment method: ${METHODS.join(', ')}` }),
  paymentPlan: z.enum(PAYMENT_PLANS, { error: `must be ${PAYMENT_PLANS.join(' or ')}` }),
});

export const authorizeOrderAsShopper: Handler = async ({ core, mode, params, body }) => {
  const { paymentMethod } = parseBody(authorizationSchema, body);
  const order = await loadForMode(core.store, 'order', params.id ?? '', mode);
  if (order.status !== 'requires_authorization') {
    throw new ApiError(409, 'order.cannot-authorize', `An order with status ${order.status} cannot be authorized`);
  }
  const outcome = TEST_PAYMENT_METHODS[paymentMethod];
  if (outcome === 'approve') return ok(await orderView(core.store, await authorizeOrder(core, order), false));
  if (outcome === 'soft-decline') {
    // Counted with the hosted page's: past a few, nothing more is stored or sent (hosted-page/soft-decline.ts).
    const counted = await countSoftDecline(core, 'order', order);
    const object = await orderView(core.store, counted ?? order, false);
    if (counted) await core.emit('order.rejected', counted.test, object);
    return ok(object);
  }
  const rejected: OrderRecord = { ...order, status: 'rejected', updatedAt: core.now() };
  await core.store.put('order', rejected);
  const object = await orderView(core.store, rejected, false);
  await core.emit('order.rejected', rejected.test, object);
  return ok(object);
};

export const approveTokenAsShopper: Handler = async ({ core, mode, params }) => {
  const token = await loadForMode(core.store, 'token', params.id ?? '', mode);
  if (token.status !== 'requires_authorization') {
    throw new ApiError(409, 'token.cannot-approve', `A token with status ${token.status} cannot be approved`);
  }
  const approved: TokenRecord = { ...token, status: 'active', updatedAt: core.now() };
  await core.store.put('token', approved);
  await core.emit('token.approved', approved.test, approved);
  return ok(approved);
};
