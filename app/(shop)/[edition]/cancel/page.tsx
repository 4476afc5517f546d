import type { Metadata } from 'next';
import Link from 'next/link';
import { editionOf, type EditionParams } from '@/lib/shop-edition';

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: (await editionOf(params)).t.cancel.title, robots: { index: false } };
}

/** Where Smartpay sends the shopper after a cancelled or declined payment. The cart is kept as it was. */
export default async function CancelPage({ params }: { params: EditionParams }) {
  const { t } = await editionOf(params);
  return (
    <div className="card mx-auto max-w-2xl space-y-4 p-8" data-testid="cancel-page">
      <h1 className="text-2xl font-bold">{t.cancel.title}</h1>
      <p>{t.cancel.body}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/checkout" prefetch={false} className="btn-primary" data-testid="cancel-try-again">
          {t.cancel.tryAgain}
        </Link>
        <Link href="/cart" prefetch={false} className="btn-secondary">
          {t.cancel.backToCart}
        </Link>
      </div>
    </div>
  );
}
