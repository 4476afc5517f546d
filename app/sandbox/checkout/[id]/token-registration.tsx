import type { CheckoutText, CheckoutSessionRecord, TokenRecord } from '@/lib/sandbox';
import { FinalState, OutcomeButtons } from './outcome-buttons';

/** The body of a token-mode session's page: registering Smartpay as a payment method (no items, no total). */
export function TokenRegistration({ session, token, t, softDeclined }: { session: CheckoutSessionRecord; token: TokenRecord; t: CheckoutText; softDeclined: boolean }) {
  const pending = token.status === 'requires_authorization';
  const returnUrl = token.status === 'active' || token.status === 'disabled' ? session.successUrl : session.cancelUrl;
  return (
    <>
      <section className="mt-6 rounded-md border border-blue-200 bg-blue-50 p-4" aria-labelledby="sandbox-token-title" data-testid="sandbox-token-registration">
        <h2 id="sandbox-token-title" className="text-base font-semibold">{t.tokenIntro}</h2>
        <p className="mt-2 text-sm">{t.tokenNote}</p>
      </section>
      {pending ? (
        <OutcomeButtons sessionId={session.id} t={t} softDeclined={softDeclined} alert={t.tokenSoftDeclined} />
      ) : (
        <FinalState title={t.tokenFinalTitle} status={t.tokenStatus[token.status]} statusTestId="sandbox-token-status" returnUrl={returnUrl} backToShop={t.backToShop} />
      )}
    </>
  );
}
