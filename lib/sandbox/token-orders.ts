import { authorizeOrder } from './authorize';
import { isTest, ok, type Handler } from './core';
import { ApiError, notFound } from './errors';
import { orderView } from './expand';
import { isIdOf, newId } from './ids';
import { createLineItem } from './line-items';
import type { OrderRecord } from './types';
import { createOrderSchema, parseBody } from './validation';

/**
 * `POST /orders`: an order charged to an `active` token, authorized at once (no shopper step),
 * then `token.used`. Unknown token (or the other mode's) → 404 `token.not-found`; a token in any
 * other status → 400 `token.invalid`. Answers the order expanded.
 */
export const createOrder: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createOrderSchema, body);
  const token = isIdOf('token', input.token) ? await core.store.get('token', input.token) : undefined;
  if (!token || token.test !== isTest(mode)) throw notFound('token', input.token);
  if (token.status !== 'active') {
    throw new ApiError(400, 'token.invalid', `A token with status ${token.status} cannot be used`, [
      { path: 'token', message: `is ${token.status}, not active` },
    ]);
  }
  const now = core.now();
  const lineItems: string[] = [];
  for (const item of input.items) lineItems.push((await createLineItem(core, mode, item)).id);
  const order: OrderRecord = {
    id: newId('order', mode),
    object: 'order',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    amount: input.amount,
    currency: 'JPY',
    status: 'requires_authorization',
    captureMethod: input.captureMethod ?? 'automatic',
    description: input.description,
    reference: input.reference,
    metadata: input.metadata ?? {},
    customerInfo: input.customerInfo ?? {},
    shippingInfo: input.shippingInfo,
    lineItems,
    payments: [],
    tokenId: token.id,
  };
  await core.store.put('order', order);
  const authorized = await authorizeOrder(core, order);
  await core.emit('token.used', token.test, token);
  return ok(await orderView(core.store, authorized, true));
};
