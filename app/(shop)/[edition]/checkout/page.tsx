import type { Metadata } from 'next';
import Link from 'next/link';
import { CheckoutForm } from '@/components/checkout-form';
import { OrderTotals } from '@/components/order-totals';
import { readCart } from '@/lib/cart/cart-cookie';
import { issueAttempt } from '@/lib/checkout/attempt';
import { readBrowserId } from '@/lib/checkout/browser-cookie';
import { readCheckoutDraft, type CheckoutDraft } from '@/lib/checkout/drafts';
import { prefectures } from '@/lib/checkout/prefectures';
import { editionOf, type EditionParams } from '@/lib/shop-edition';
import { formatYen } from '@/lib/money';
import { priceCart } from '@/lib/pricing';
import { getConfig } from '@/lib/config';
import { db } from '@/lib/db/client';
import { getSecrets } from '@/lib/secrets';

const HOUR_MS = 3_600_000;

/** What this browser last sent from the form (lib/checkout/drafts.ts), within the retention. */
async function draftOf(browserId: string | undefined, secret: string): Promise<CheckoutDraft> {
  if (!browserId) return {};
  const notBefore = new Date(Date.now() - getConfig().demoRetentionHours * HOUR_MS);
  return readCheckoutDraft(await db(), browserId, secret, notBefore).catch((error: unknown) => {
    console.error('[checkout] the draft could not be read', error);
    return {};
  });
}

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: (await editionOf(params)).t.checkout.heading };
}

export default async function CheckoutPage({ params }: { params: EditionParams }) {
  const { locale, t } = await editionOf(params);
  const cart = priceCart(await readCart());

  if (cart.lines.length === 0) {
    return (
      <div className="card mx-auto max-w-lg space-y-4 p-8 text-center" data-testid="checkout-empty">
        <h1 className="text-2xl font-bold">{t.checkout.heading}</h1>
        <p>{t.checkout.formErrors.emptyCart}</p>
        <Link href="/" className="btn-primary">
          {t.cart.continueShopping}
        </Link>
      </div>
    );
  }

  // proxy.ts gives the browser its id with this page; without one the attempt is refused and a new one starts.
  const browserId = await readBrowserId();
  const { cookieSecret } = await getSecrets();
  const draft = await draftOf(browserId, cookieSecret);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t.checkout.heading}</h1>
        <p className="mt-2 text-stone-700">{t.checkout.intro}</p>
      </div>
      <div className="grid gap-8 lg:grid-cols-[1fr_340px]">
        <CheckoutForm
          t={t.checkout}
          attempt={issueAttempt(browserId ?? 'none', cookieSecret)}
          draft={draft}
          prefectures={prefectures.map((p) => ({ code: p.code, name: p.name[locale] }))}
        />
        <aside className="card order-first h-fit space-y-4 p-5 lg:order-none lg:sticky lg:top-4" aria-labelledby="summary-heading" data-testid="checkout-summary">
          <div className="flex items-baseline justify-between">
            <h2 id="summary-heading" className="text-lg font-semibold">
              {t.checkout.summary}
            </h2>
            <Link href="/cart" prefetch={false} className="text-sm underline">
              {t.checkout.edit}
            </Link>
          </div>
          <ul className="space-y-2 text-sm">
            {cart.lines.map((line) => (
              <li key={line.product.id} className="flex justify-between gap-2">
                <span>
                  {line.product.name[locale]} × {line.quantity}
                </span>
                <span>{formatYen(line.lineTotal, locale)}</span>
              </li>
            ))}
          </ul>
          <OrderTotals cart={cart} locale={locale} t={t.cart} />
        </aside>
      </div>
    </div>
  );
}
