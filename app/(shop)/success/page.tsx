import type { Metadata } from 'next';
import Link from 'next/link';
import { ClearCartAfterPayment } from '@/components/clear-cart-after-payment';
import { OrderStatusPoller } from '@/components/order-status-poller';
import { confirmCheckout } from '@/lib/checkout/confirm-checkout';
import { findPendingCheckout } from '@/lib/checkout/pending-checkouts';
import { getI18n } from '@/lib/i18n/server';
import { formatYen } from '@/lib/money';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.success.title, robots: { index: false } };
}

function Notice({ title, body, children, testId }: { title: string; body: string; children?: React.ReactNode; testId: string }) {
  return (
    <div className="card mx-auto max-w-2xl space-y-4 p-8" data-testid={testId}>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{body}</p>
      {children}
    </div>
  );
}

/**
 * Where Smartpay sends the shopper after an approved payment. The query string only says which order;
 * whether it was paid comes from Smartpay's API.
 */
export default async function SuccessPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const { locale, t } = await getI18n();
  const { ref } = await searchParams;
  const entry = typeof ref === 'string' ? await findPendingCheckout(ref) : undefined;

  if (!entry) {
    return (
      <Notice title={t.success.notFoundTitle} body={t.success.notFound} testId="success-not-found">
        <Link href="/cart" className="btn-secondary">
          {t.success.backToCart}
        </Link>
      </Notice>
    );
  }

  const confirmation = await confirmCheckout(entry);
  if (confirmation.kind === 'unavailable') {
    return (
      <Notice title={t.success.unavailableTitle} body={t.success.unavailable} testId="success-unavailable">
        <a href={`/success?ref=${encodeURIComponent(entry.reference)}`} className="btn-primary">
          {t.success.retry}
        </a>
      </Notice>
    );
  }

  const statusText = t.success.statuses[confirmation.status];
  const reference = (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      <dt className="text-stone-600">{t.success.reference}</dt>
      <dd className="font-mono font-semibold" data-testid="order-reference">
        {confirmation.reference}
      </dd>
      <dt className="text-stone-600">{t.success.status}</dt>
      <dd data-testid="order-status" data-status={confirmation.status}>
        {statusText}
      </dd>
    </dl>
  );

  if (!confirmation.paid) {
    return (
      <Notice title={t.success.notConfirmedTitle} body={t.success.notConfirmed} testId="success-not-confirmed">
        {reference}
        {!confirmation.final && (
          <OrderStatusPoller reference={entry.reference} initialStatus={confirmation.status} message={t.success.pending} />
        )}
        <div className="flex flex-wrap gap-3">
          <Link href="/checkout" className="btn-primary">
            {t.success.backToCheckout}
          </Link>
          <Link href="/cart" className="btn-secondary">
            {t.success.backToCart}
          </Link>
        </div>
      </Notice>
    );
  }

  return (
    <div className="card mx-auto max-w-2xl space-y-6 p-8" data-testid="success-confirmed">
      <ClearCartAfterPayment reference={entry.reference} />
      <div>
        <h1 className="text-2xl font-bold">{t.success.title}</h1>
        <p className="mt-2 text-green-800">{t.success.confirmed}</p>
      </div>
      {reference}
      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-2 font-semibold">
          {t.success.items}
        </h2>
        <ul className="divide-y divide-stone-200 text-sm">
          {confirmation.lines.map((line, index) => (
            <li key={index} className="flex justify-between gap-4 py-2">
              <span>
                {line.name} × {line.quantity}
              </span>
              <span>{formatYen(line.unitAmount * line.quantity, locale)}</span>
            </li>
          ))}
          <li className="flex justify-between gap-4 py-2">
            <span>{t.success.shipping}</span>
            <span>{confirmation.shippingFee === 0 ? t.cart.free : formatYen(confirmation.shippingFee, locale)}</span>
          </li>
        </ul>
        <p className="mt-2 flex justify-between border-t border-stone-200 pt-2 text-lg font-bold">
          <span>{t.success.total}</span>
          <span data-testid="order-total">{formatYen(confirmation.amount, locale)}</span>
        </p>
      </section>
      <Link href="/" className="btn-primary">
        {t.success.continueShopping}
      </Link>
    </div>
  );
}
