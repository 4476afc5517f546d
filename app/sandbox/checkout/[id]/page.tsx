import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { submitCheckoutOutcome } from '@/lib/sandbox/checkout-actions';
import { checkoutText, formatYen, type CheckoutLocale } from '@/lib/sandbox/checkout-text';
import { getSandbox, sandboxEnabled } from '@/lib/sandbox/instance';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Smartpay sandbox checkout',
  robots: { index: false, follow: false },
};

interface PageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const buttonBase =
  'w-full rounded-md px-4 py-3 text-base font-semibold focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

export default async function SandboxCheckoutPage({ params, searchParams }: PageProps) {
  if (!sandboxEnabled()) notFound();
  const { id } = await params;
  const query = await searchParams;
  const view = await (await getSandbox()).getSessionForCheckout(id);
  if (!view) notFound();

  const { session, order, lines } = view;
  const locale: CheckoutLocale = session.locale ?? 'ja';
  const t = checkoutText[locale];
  const address = order.shippingInfo.address;
  const fee = order.shippingInfo.feeAmount ?? 0;
  const pending = order.status === 'requires_authorization';
  const softDeclined = pending && query.result === 'soft-declined';
  const action = (outcome: string) => submitCheckoutOutcome.bind(null, session.id, outcome);
  const kindLabel = (kind: string) => (kind === 'tax' ? t.tax : kind === 'discount' ? t.discount : undefined);
  const returnUrl = order.status === 'succeeded' || order.status === 'requires_capture' ? session.successUrl : session.cancelUrl;

  return (
    <div lang={locale} className="mx-auto max-w-xl px-4 py-8 text-gray-900">
      <p className="mb-4 inline-block rounded bg-amber-300 px-3 py-1 text-sm font-bold text-amber-950" data-testid="sandbox-badge">
        {t.badge}
      </p>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-1 text-lg">{t.merchant}</p>
      <p className="mt-2 text-sm text-gray-700">{t.intro}</p>

      <table className="mt-6 w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{t.itemsCaption}</caption>
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-2">{t.item}</th>
            <th scope="col" className="py-2 text-right">{t.quantity}</th>
            <th scope="col" className="py-2 text-right">{t.unitAmount}</th>
            <th scope="col" className="py-2 text-right">{t.lineTotal}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const sign = line.kind === 'discount' ? -1 : 1;
            const label = kindLabel(line.kind);
            return (
              <tr key={line.id} className="border-b border-gray-200">
                <th scope="row" className="py-2 font-normal">
                  {label ? `${label}: ${line.name}` : line.name}
                </th>
                <td className="py-2 text-right">{line.quantity}</td>
                <td className="py-2 text-right">{formatYen(sign * line.unitAmount)}</td>
                <td className="py-2 text-right">{formatYen(sign * line.unitAmount * line.quantity)}</td>
              </tr>
            );
          })}
          <tr className="border-b border-gray-200">
            <th scope="row" colSpan={3} className="py-2 font-normal">{t.shippingFee}</th>
            <td className="py-2 text-right">{formatYen(fee)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="py-3 text-base font-bold">{t.total}</th>
            <td className="py-3 text-right text-base font-bold" data-testid="sandbox-total">{formatYen(order.amount)}</td>
          </tr>
        </tfoot>
      </table>

      <section className="mt-6" aria-labelledby="sandbox-ship-to">
        <h2 id="sandbox-ship-to" className="text-base font-semibold">{t.shipTo}</h2>
        <address className="mt-1 not-italic text-sm">
          〒{address.postalCode} {address.administrativeArea} {address.locality} {address.subLocality}
          <br />
          {[address.line1, address.line2, address.line3, address.line4, address.line5].filter(Boolean).join(' ')}
        </address>
      </section>

      {softDeclined ? (
        <p role="alert" className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-900" data-testid="sandbox-soft-declined">
          {t.softDeclined}
        </p>
      ) : null}

      {pending ? (
        <form className="mt-6 grid gap-3">
          <p className="text-sm text-gray-700">{t.choose}</p>
          <button type="submit" formAction={action('approve')} data-testid="sandbox-approve" className={`${buttonBase} bg-blue-700 text-white hover:bg-blue-800`}>
            {t.approve}
          </button>
          <button type="submit" formAction={action('decline')} data-testid="sandbox-decline" className={`${buttonBase} bg-red-700 text-white hover:bg-red-800`}>
            {t.decline}
          </button>
          <button type="submit" formAction={action('soft-decline')} data-testid="sandbox-soft-decline" className={`${buttonBase} border border-red-700 bg-white text-red-800 hover:bg-red-50`}>
            {t.softDecline}
          </button>
          <button type="submit" formAction={action('cancel')} data-testid="sandbox-cancel" className={`${buttonBase} border border-gray-400 bg-white text-gray-900 hover:bg-gray-100`}>
            {t.cancel}
          </button>
        </form>
      ) : (
        <section className="mt-6 rounded-md border border-gray-300 p-4" aria-labelledby="sandbox-final">
          <h2 id="sandbox-final" className="font-semibold">{t.finalTitle}</h2>
          <p className="mt-1" data-testid="sandbox-order-status">{t.status[order.status]}</p>
          <a href={returnUrl} className="mt-3 inline-block font-semibold text-blue-700 underline focus-visible:outline focus-visible:outline-3 focus-visible:outline-blue-600" data-testid="sandbox-back-to-shop">
            {t.backToShop}
          </a>
        </section>
      )}
    </div>
  );
}
