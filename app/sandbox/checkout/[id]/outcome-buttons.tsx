import type { CheckoutText } from '@/lib/sandbox';

const buttonBase =
  'w-full rounded-md px-4 py-3 text-base font-semibold focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

/** The soft-decline alert (`alert`, shown when asked for) and the four outcome buttons of a pending session. */
export function OutcomeButtons({ sessionId, t, softDeclined, alert }: { sessionId: string; t: CheckoutText; softDeclined: boolean; alert: string }) {
  return (
    <>
      {softDeclined ? (
        <p role="alert" className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-900" data-testid="sandbox-soft-declined">
          {alert}
        </p>
      ) : null}
      <form method="post" action={`/sandbox/checkout/${encodeURIComponent(sessionId)}/outcome`} className="mt-6 grid gap-3">
        <p className="text-sm text-gray-700">{t.choose}</p>
        <button type="submit" name="outcome" value="approve" data-testid="sandbox-approve" className={`${buttonBase} bg-blue-700 text-white hover:bg-blue-800`}>
          {t.approve}
        </button>
        <button type="submit" name="outcome" value="decline" data-testid="sandbox-decline" className={`${buttonBase} bg-red-700 text-white hover:bg-red-800`}>
          {t.decline}
        </button>
        <button type="submit" name="outcome" value="soft-decline" data-testid="sandbox-soft-decline" className={`${buttonBase} border border-red-700 bg-white text-red-800 hover:bg-red-50`}>
          {t.softDecline}
        </button>
        <button type="submit" name="outcome" value="cancel" data-testid="sandbox-cancel" className={`${buttonBase} border border-gray-400 bg-white text-gray-900 hover:bg-gray-100`}>
          {t.cancel}
        </button>
      </form>
    </>
  );
}

/** What a session past authorization shows: its status and a link back to the shop. */
export function FinalState(props: { title: string; status: string; statusTestId: string; returnUrl: string; backToShop: string }) {
  return (
    <section className="mt-6 rounded-md border border-gray-300 p-4" aria-labelledby="sandbox-final">
      <h2 id="sandbox-final" className="font-semibold">{props.title}</h2>
      <p className="mt-1" data-testid={props.statusTestId}>{props.status}</p>
      <a href={props.returnUrl} className="mt-3 inline-block font-semibold text-blue-700 underline focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-600" data-testid="sandbox-back-to-shop">
        {props.backToShop}
      </a>
    </section>
  );
}
