import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CART_COOKIE } from '@/lib/cart/cart-cookie';
import { legalPaths } from '@/lib/i18n/legal/paths';
import { OrderStatusPoller } from '@/components/order-status-poller';
import { readBrowserId } from '@/lib/checkout/browser-cookie';
import { isOwnedBy } from '@/lib/checkout/browser-id';
import { findPendingCheckout } from '@/lib/checkout/pending-checkouts';
import { db } from '@/lib/db/client';
import { addressLines, recipientName } from '@/lib/orders/delivery-address';
import { shopDeps } from '@/lib/deps';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { getFreshOrder } from '@/lib/orders/fresh-order';
import { getOrderLines } from '@/lib/orders/repository';
import { isPaid, isSettled } from '@/lib/orders/status';
import { editionOf, type EditionParams } from '@/lib/shop-edition';
import { format } from '@/lib/i18n/format';
import { formatYen } from '@/lib/money';

/** Smartpay's answers to shoppers' questions about paying and instalments. */
const SMARTPAY_SHOPPER_FAQ = 'https://smartpay.co/faq/consumer/';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: (await editionOf(params)).t.success.title, robots: { index: false } };
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
 * whether it was paid comes from Smartpay's API (or a webhook that already brought the news).
 */
export default async function SuccessPage({
  params,
  searchParams,
}: {
  params: EditionParams;
  searchParams: Promise<{ ref?: string; again?: string }>;
}) {
  const { locale, sandbox, t } = await editionOf(params);
  const { ref, again } = await searchParams;
  const entry = typeof ref === 'string' ? await findPendingCheckout(ref) : undefined;
  let fresh: Awaited<ReturnType<typeof getFreshOrder>>;
  try {
    fresh = entry ? await getFreshOrder(await shopDeps(), entry.reference, 'return', await shopClientIp()) : undefined;
  } catch (error) {
    // The order records cannot be read (the database is down): the payment, if approved, is safe at Smartpay.
    console.error(`[success ${entry?.reference}] the order could not be read:`, error);
    return (
      <Notice title={t.outage.successTitle} body={t.outage.success} testId="success-outage">
        <a href={`/success?ref=${encodeURIComponent(entry!.reference)}`} className="btn-primary">
          {t.outage.reload}
        </a>
      </Notice>
    );
  }

  if (!entry || !fresh) {
    return (
      <Notice title={t.success.notFoundTitle} body={t.success.notFound} testId="success-not-found">
        <Link href="/cart" prefetch={false} className="btn-secondary">
          {t.success.backToCart}
        </Link>
      </Notice>
    );
  }

  const { order, unavailable } = fresh;
  const paid = isPaid(order.status);
  // proxy.ts read the order unpaid a moment ago (a re-check of Smartpay was not due) and kept the cart; a
  // webhook recorded the payment since. Once more through proxy.ts, which now finds it paid and empties
  // the cart; `again` stops a second round, whatever happens.
  if (paid && again === undefined && !entry.cartCleared && (await cookies()).has(CART_COOKIE)) {
    redirect(`/success?ref=${encodeURIComponent(order.reference)}&again=1`);
  }
  if (!paid && unavailable) {
    return (
      <Notice title={t.success.unavailableTitle} body={t.success.unavailable} testId="success-unavailable">
        <a href={`/success?ref=${encodeURIComponent(order.reference)}`} className="btn-primary">
          {t.success.retry}
        </a>
      </Notice>
    );
  }

  const reference = (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      <dt className="text-stone-600">{t.success.reference}</dt>
      <dd className="font-mono font-semibold" data-testid="order-reference">
        {order.reference}
      </dd>
      <dt className="text-stone-600">{t.success.status}</dt>
      <dd data-testid="order-status" data-status={order.status}>
        {t.success.statuses[order.status]}
      </dd>
    </dl>
  );

  if (!paid) {
    return (
      <Notice title={t.success.notConfirmedTitle} body={t.success.notConfirmed} testId="success-not-confirmed">
        {reference}
        {!isSettled(order.status) && (
          <OrderStatusPoller reference={order.reference} initialStatus={order.status} message={t.success.pending} />
        )}
        <div className="flex flex-wrap gap-3">
          <Link href="/checkout" prefetch={false} className="btn-primary">
            {t.success.backToCheckout}
          </Link>
          <Link href="/cart" prefetch={false} className="btn-secondary">
            {t.success.backToCart}
          </Link>
        </div>
      </Notice>
    );
  }

  const lines = await getOrderLines(await db(), order.id);
  // The signed cookie above lists the orders this browser started; the name, address and e-mail are shown
  // only if the order's owner is also this browser's id, so a copied cookie alone reveals nothing personal.
  const ownOrder = isOwnedBy(order, await readBrowserId());
  return (
    <div className="card mx-auto max-w-2xl space-y-6 p-8" data-testid="success-confirmed">
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
          {lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-4 py-2">
              <span>
                {line.name} × {line.quantity}
              </span>
              <span>{formatYen(line.lineTotal, locale)}</span>
            </li>
          ))}
          <li className="flex justify-between gap-4 py-2">
            <span>{t.success.shipping}</span>
            <span>{order.shippingFee === 0 ? t.cart.free : formatYen(order.shippingFee, locale)}</span>
          </li>
        </ul>
        <p className="mt-2 flex justify-between border-t border-stone-200 pt-2 text-lg font-bold">
          <span>{t.success.total}</span>
          <span data-testid="order-total">{formatYen(order.total, locale)}</span>
        </p>
      </section>
      {ownOrder && (
        <section aria-labelledby="delivery-heading" className="grid gap-4 sm:grid-cols-2" data-testid="order-delivery">
          <div>
            <h2 id="delivery-heading" className="mb-2 font-semibold">
              {t.success.deliveryTo}
            </h2>
            <address className="not-italic" data-testid="delivery-address">
              <span className="block">{recipientName(order.customer, locale)}</span>
              {addressLines(order.shippingAddress, locale).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>
          </div>
          <div>
            <h2 className="mb-2 font-semibold">{t.success.orderedWith}</h2>
            <p className="break-all" data-testid="order-email">
              {order.customer.email}
            </p>
          </div>
        </section>
      )}
      <section aria-labelledby="next-heading">
        <h2 id="next-heading" className="mb-2 font-semibold">
          {t.success.whatNext}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="what-next">
          {ownOrder && <li>{format(t.success.nextEmail, { email: order.customer.email })}</li>}
          <li>{t.success.nextShipping}</li>
          <li>
            {t.success.nextPaymentQuestions}
            <a href={SMARTPAY_SHOPPER_FAQ} className="text-brand-700 underline underline-offset-2" data-testid="smartpay-faq">
              {t.success.smartpayHelp}
            </a>
            {t.success.nextPaymentQuestionsEnd}
          </li>
          <li>
            {format(t.success.nextOrderQuestions, { reference: order.reference })}
            <Link href={legalPaths.contact} className="text-brand-700 underline underline-offset-2" data-testid="success-contact">
              {t.success.contactPage}
            </Link>
          </li>
        </ul>
        {sandbox && (
          <p className="mt-2 text-sm text-stone-600" data-testid="sandbox-next">
            {t.success.sandboxNext}
          </p>
        )}
      </section>
      <Link href="/" className="btn-primary">
        {t.success.continueShopping}
      </Link>
    </div>
  );
}
