import type { Metadata } from 'next';
import Link from 'next/link';
import { CartQuantityForm } from '@/components/cart-quantity-form';
import { DroppedProductsNotice } from '@/components/dropped-products-notice';
import { ProductImage } from '@/components/product-image';
import { CartSummary, LineTotal, OptimisticCartProvider } from '@/components/optimistic-cart';
import { removeFromCartAction } from '@/lib/cart/actions';
import { readCart } from '@/lib/cart/cart-cookie';
import { format } from '@/lib/i18n/format';
import { editionOf, type EditionParams } from '@/lib/shop-edition';
import { formatYen } from '@/lib/money';
import { priceCart } from '@/lib/pricing';

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: (await editionOf(params)).t.cart.heading };
}

export default async function CartPage({ params }: { params: EditionParams }) {
  const { locale, t } = await editionOf(params);
  const cart = priceCart(await readCart());

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t.cart.heading}</h1>
      <DroppedProductsNotice dropped={cart.droppedProductIds.length > 0} message={t.cart.dropped} />
      {cart.lines.length === 0 ? (
        <div className="card space-y-4 p-8 text-center" data-testid="cart-empty">
          <p>{t.cart.empty}</p>
          <Link href="/" className="btn-primary">
            {t.cart.continueShopping}
          </Link>
        </div>
      ) : (
        <OptimisticCartProvider lines={cart.lines.map(({ product, unitPrice, quantity }) => ({ productId: product.id, unitPrice, quantity }))}>
          <div className="grid gap-8 lg:grid-cols-[1fr_320px]">
            <ul className="card divide-y divide-stone-200" aria-label={t.cart.heading}>
              {cart.lines.map(({ product, quantity, unitPrice }) => {
                const name = product.name[locale];
                return (
                  <li key={product.id} className="flex gap-4 p-4" data-testid={`cart-line-${product.id}`}>
                    <ProductImage src={product.image} alt="" size={96} className="h-24 w-24 rounded-lg bg-stone-100" />
                    <div className="flex flex-1 flex-col gap-2">
                      <div className="flex flex-wrap justify-between gap-2">
                        <Link href={`/products/${product.slug}`} className="font-semibold underline-offset-2 hover:underline">
                          {name}
                        </Link>
                        <LineTotal productId={product.id} locale={locale} />
                      </div>
                      <p className="text-sm text-stone-600">
                        {t.cart.unitPrice}: {formatYen(unitPrice, locale)}
                      </p>
                      <div className="flex flex-wrap items-start gap-3">
                        <CartQuantityForm productId={product.id} productName={name} quantity={quantity} t={t.cart} />
                        <form action={removeFromCartAction}>
                          <input type="hidden" name="productId" value={product.id} />
                          <button
                            type="submit"
                            className="btn-secondary"
                            aria-label={format(t.cart.removeItem, { name })}
                            data-testid={`remove-${product.id}`}
                          >
                            {t.cart.remove}
                          </button>
                        </form>
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
            <aside className="card h-fit space-y-4 p-5">
              <CartSummary locale={locale} t={t.cart} />
              <Link href="/checkout" prefetch={false} className="btn-primary w-full" data-testid="proceed-to-checkout">
                {t.cart.checkout}
              </Link>
            </aside>
          </div>
        </OptimisticCartProvider>
      )}
    </div>
  );
}
