import type { SandboxCore } from '../api/handler';
import { countSoftDecline } from './soft-decline';
import type { CheckoutOutcome, CheckoutResult } from './order-session';
import type { CheckoutSessionRecord, TokenRecord } from '../store/records';

/**
 * The hosted page's buttons for a token-mode session. Approve → `active` + `token.approved`;
 * decline → `rejected` + `token.rejected`; soft decline → unchanged + `token.rejected`;
 * cancel → unchanged, no event. A token past `requires_authorization` is left as it is.
 */
export async function completeTokenCheckout(
  core: SandboxCore,
  session: CheckoutSessionRecord,
  token: TokenRecord,
  outcome: CheckoutOutcome,
): Promise<CheckoutResult> {
  if (outcome === 'cancel') return { token, redirectTo: session.cancelUrl };
  if (token.status !== 'requires_authorization') return { token, alreadyFinal: true };
  if (outcome === 'soft-decline') {
    if (await countSoftDecline(core, 'checkoutSession', session)) await core.emit('token.rejected', token.test, token);
    return { token, softDeclined: true };
  }
  const approved = outcome === 'approve';
  const updated: TokenRecord = { ...token, status: approved ? 'active' : 'rejected', updatedAt: core.now() };
  await core.store.put('token', updated);
  await core.emit(approved ? 'token.approved' : 'token.rejected', updated.test, updated);
  return { token: updated, redirectTo: approved ? session.successUrl : session.cancelUrl };
}
