import { authorizeOrder } from './authorize';
import { isTest, ok, type Handler } from '../api/handler';
import { ApiError, notFound } from '../api/errors';
import { orderView } from '../api/objects';
import { isIdOf } from '../store/ids';
import { createOrderRecord } from './line-items';
import { createOrderSchema, orderWarnings, parseBody } from '../api/validation';

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
  const warnings = orderWarnings(input);
  const order = await createOrderRecord(core, mode, input, {
    tokenId: token.id,
    ...(warnings.length > 0 ? { sandboxWarnings: warnings } : {}),
  });
  const authorized = await authorizeOrder(core, order);
  await core.emit('token.used', token.test, token);
  return ok(await orderView(core.store, authorized, true), warnings);
};
