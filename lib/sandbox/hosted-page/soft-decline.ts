import type { SandboxCore } from '../api/handler';
import type { CheckoutSessionRecord } from '../store/records';

/**
 * Soft declines of one checkout session's page that are recorded and sent as events (`order.rejected`,
 * `token.rejected`). A soft decline leaves the order waiting, so its button can be pressed again and again;
 * each press stores an event, queues its webhook deliveries, and the shop's webhook handler asks the API
 * about the order with the shop's key. Past this many, the page shows the same alert and nothing is stored
 * or sent, so that nobody can spend the shop's share of the API's rate limit by pressing it.
 */
export const MAX_SOFT_DECLINES = 3;

/** Counts one soft decline on `session`'s page; false once it is past MAX_SOFT_DECLINES. Runs in the owner's exclusive section. */
export async function countSoftDecline(core: SandboxCore, session: CheckoutSessionRecord): Promise<boolean> {
  const count = (session.sandboxSoftDeclines ?? 0) + 1;
  if (count > MAX_SOFT_DECLINES) return false;
  await core.store.put('checkoutSession', { ...session, sandboxSoftDeclines: count });
  return true;
}
