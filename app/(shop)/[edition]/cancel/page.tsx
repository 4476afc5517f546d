import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { findPendingCheckout } from '@/lib/checkout/pending-checkouts';
import { resumePayment } from '@/lib/checkout/resume-payment';
import { shopDeps } from '@/lib/deps';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { getFreshOrder } from '@/lib/orders/fresh-order';
import { isPaid } from '@/lib/orders/status';
import { editionOf, type EditionParams } from '@/lib/shop-edition';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: (await editionOf(params)).t.cancel.title, robots: { index: false } };
}

type Outcome = 'declined' | 'payable' | 'unavailable' | 'notCompleted';

/**
 * Where Smartpay sends the shopper after a cancelled or declined payment (Smartpay uses the same address
 * for both). The query only says which order; what happened comes from Smartpay's API, for an order this
 * browser placed: declined by Smartpay, still payable (the shopper left the payment page), or Smartpay could
 * not be asked. A payment that went through after all goes to /success. The cart is kept in every case.
 */
export default async function CancelPage({
  params,
  searchParams,
}: {
  params: EditionParams;
  searchParams: Promise<{ ref?: string; resume?: string }>;
}) {
  const { t } = await editionOf(params);
  const { ref, resume } = await searchParams;
  const entry = typeof ref === 'string' ? await findPendingCheckout(ref) : undefined;
  let fresh: Awaited<ReturnType<typeof getFreshOrder>>;
  try {
    fresh = entry ? await getFreshOrder(await shopDeps(), entry.reference, 'return', await shopClientIp()) : undefined;
  } catch (error) {
    console.error(`[cancel ${entry?.reference}] the order could not be read:`, error);
    return (
      <div className="card mx-auto max-w-2xl space-y-4 p-8" data-testid="cancel-page" data-outcome="outage">
        <h1 className="text-2xl font-bold">{t.outage.cancelTitle}</h1>
        <p>{t.outage.cancel}</p>
        <a href={`/cancel?ref=${encodeURIComponent(entry!.reference)}`} className="btn-primary">
          {t.outage.reload}
        </a>
      </div>
    );
  }
  if (fresh && isPaid(fresh.order.status)) redirect(`/success?ref=${encodeURIComponent(fresh.order.reference)}`);

  const status = fresh?.order.status;
  const outcome: Outcome = !fresh
    ? 'notCompleted'
    : status === 'rejected'
      ? 'declined'
      : fresh.unavailable
        ? 'unavailable'
        : status === 'awaiting_authorization' && fresh.order.smartpaySessionId && resume !== 'failed'
          ? 'payable'
          : 'notCompleted';
  const text: Record<Outcome, { title: string; body: string }> = {
    declined: { title: t.cancel.declinedTitle, body: t.cancel.declined },
    payable: { title: t.cancel.payableTitle, body: t.cancel.payable },
    unavailable: { title: t.cancel.unavailableTitle, body: t.cancel.unavailable },
    notCompleted: { title: t.cancel.title, body: resume === 'failed' ? t.cancel.resumeFailed : t.cancel.body },
  };
  let actions: ReactNode = null;
  if (outcome === 'payable') {
    actions = (
      <form action={resumePayment}>
        <input type="hidden" name="ref" value={fresh!.order.reference} />
        <button type="submit" className="btn-primary" data-testid="cancel-resume">
          {t.cancel.resume}
        </button>
      </form>
    );
  } else if (outcome === 'unavailable') {
    actions = (
      <a href={`/cancel?ref=${encodeURIComponent(fresh!.order.reference)}`} className="btn-primary">
        {t.cancel.retry}
      </a>
    );
  }

  return (
    <div className="card mx-auto max-w-2xl space-y-4 p-8" data-testid="cancel-page" data-outcome={outcome}>
      <h1 className="text-2xl font-bold">{text[outcome].title}</h1>
      <p>{text[outcome].body}</p>
      {fresh && (
        <p className="text-sm text-stone-600">
          {t.cancel.reference}: <span className="font-mono" data-testid="order-reference">{fresh.order.reference}</span>
        </p>
      )}
      {outcome === 'declined' && (
        <section aria-labelledby="declined-next" className="space-y-2">
          <h2 id="declined-next" className="font-semibold">
            {t.cancel.declinedNextTitle}
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {t.cancel.declinedNext.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="flex flex-wrap gap-3">
        {actions}
        <Link href="/checkout" prefetch={false} className={outcome === 'payable' ? 'btn-secondary' : 'btn-primary'} data-testid="cancel-try-again">
          {t.cancel.tryAgain}
        </Link>
        <Link href="/cart" prefetch={false} className="btn-secondary">
          {t.cancel.backToCart}
        </Link>
      </div>
    </div>
  );
}
