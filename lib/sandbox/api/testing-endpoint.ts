import { z } from 'zod';
import { hostedCheckoutUrl } from '../resources/checkout-sessions';
import { ok, type Handler } from './handler';
import { notFound } from './errors';
import { orderView } from './objects';
import { CHECKOUT_OUTCOMES, completeCheckout } from '../hosted-page/order-session';
import { loadForMode } from './load';
import { parseBody } from './validation';

/**
 * Sandbox extension (real Smartpay has no such endpoint): `POST /testing/checkout-sessions/{id}/outcome`
 * does what the hosted page's buttons do, for scripts and tests that play the shopper without a browser.
 * Answers `{redirectUrl, order}` (order expanded), or `{redirectUrl, token}` for a token-mode session.
 */

const outcomeSchema = z.object({
  outcome: z.enum(CHECKOUT_OUTCOMES, { error: `must be one of ${CHECKOUT_OUTCOMES.join(', ')}` }),
});

export const setCheckoutOutcome: Handler = async ({ core, mode, params, body }) => {
  const { outcome } = parseBody(outcomeSchema, body);
  const session = await loadForMode(core.store, 'checkoutSession', params.id ?? '', mode);
  const result = await completeCheckout(core, session.id, outcome);
  if (!result) throw notFound('checkout-session', session.id);
  const page = hostedCheckoutUrl(core.appUrl, session.id);
  const redirectUrl = result.redirectTo ?? (result.softDeclined ? `${page}?result=soft-declined` : page);
  if (result.token) return ok({ redirectUrl, token: result.token });
  if (!result.order) throw notFound('checkout-session', session.id);
  return ok({ redirectUrl, order: await orderView(core.store, result.order, true) });
};
