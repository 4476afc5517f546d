import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.cancel.title, robots: { index: false } };
}

/** Where Smartpay sends the shopper after a cancelled or declined payment. The cart is kept as it was. */
export default async function CancelPage() {
  const { t } = await getI18n();
  return (
    <div className="card mx-auto max-w-2xl space-y-4 p-8" data-testid="cancel-page">
      <h1 className="text-2xl font-bold">{t.cancel.title}</h1>
      <p>{t.cancel.body}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/checkout" className="btn-primary" data-testid="cancel-try-again">
          {t.cancel.tryAgain}
        </Link>
        <Link href="/cart" className="btn-secondary">
          {t.cancel.backToCart}
        </Link>
      </div>
    </div>
  );
}
