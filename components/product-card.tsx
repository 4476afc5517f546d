import { AddToCartForm } from '@/components/add-to-cart-form';
import { addToCartMessages } from '@/components/add-to-cart-messages';
import { IntentLink } from '@/components/intent-link';
import { ProductImage } from '@/components/product-image';
import type { Product } from '@/lib/catalog';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { formatYen } from '@/lib/money';

/** `aboveTheFold` cards (the first row) load their image eagerly, the first one preloaded as the likely LCP. */
export function ProductCard({
  product,
  locale,
  t,
  aboveTheFold = 'no',
}: {
  product: Product;
  locale: Locale;
  t: Messages;
  aboveTheFold?: 'first' | 'yes' | 'no';
}) {
  const name = product.name[locale];
  return (
    <li className="card flex flex-col overflow-hidden" data-testid={`product-card-${product.id}`}>
      <IntentLink href={`/products/${product.slug}`} className="group block">
        <ProductImage
          src={product.image}
          alt=""
          size={400}
          preload={aboveTheFold === 'first'}
          lazy={aboveTheFold === 'no'}
          className="aspect-square w-full bg-stone-100 object-cover transition group-hover:opacity-90"
        />
        <div className="px-4 pt-3">
          <h3 className="font-semibold group-hover:underline">{name}</h3>
          <p className="mt-1 text-lg font-bold">
            {formatYen(product.price, locale)} <span className="text-xs font-normal text-stone-600">{t.product.taxIncluded}</span>
          </p>
        </div>
      </IntentLink>
      <div className="mt-auto px-4 pb-4 pt-2">
        <AddToCartForm productId={product.id} productName={name} t={addToCartMessages(t)} />
      </div>
    </li>
  );
}
