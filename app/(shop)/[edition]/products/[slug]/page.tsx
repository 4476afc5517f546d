import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddToCartForm } from '@/components/add-to-cart-form';
import { addToCartMessages } from '@/components/add-to-cart-messages';
import { ProductImage } from '@/components/product-image';
import { getCategory, getProductBySlug, listProducts } from '@/lib/catalog';
import { editionOf } from '@/lib/shop-edition';
import { formatYen } from '@/lib/money';

type Props = { params: Promise<{ edition: string; slug: string }> };

/** Every product, in each language (the locale comes from the parent segment's params). */
export function generateStaticParams() {
  return listProducts().map((product) => ({ slug: product.slug }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = getProductBySlug((await params).slug);
  if (!product) return {};
  const { locale } = await editionOf(params);
  return { title: product.name[locale], description: product.description[locale] };
}

export default async function ProductPage({ params }: Props) {
  const product = getProductBySlug((await params).slug);
  if (!product) notFound();
  const { locale, t } = await editionOf(params);
  const name = product.name[locale];

  return (
    <article className="grid gap-8 md:grid-cols-2">
      <ProductImage src={product.image} alt={name} size={400} preload className="card aspect-square w-full bg-stone-100 object-cover" />
      <div className="space-y-4">
        <Link href="/" className="text-sm text-brand-700 underline">
          ← {t.product.backToCatalog}
        </Link>
        <h1 className="text-3xl font-bold tracking-tight">{name}</h1>
        <p className="text-2xl font-bold" data-testid="product-price">
          {formatYen(product.price, locale)} <span className="text-sm font-normal text-stone-600">{t.product.taxIncluded}</span>
        </p>
        <p className="text-stone-700">{product.description[locale]}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-600">{t.product.maker}</dt>
          <dd data-testid="product-maker">{product.maker[locale]}</dd>
          <dt className="text-stone-600">{t.product.category}</dt>
          <dd>
            <Link href={`/category/${product.category}`} className="underline">
              {getCategory(product.category)?.name[locale]}
            </Link>
          </dd>
        </dl>
        <AddToCartForm productId={product.id} productName={name} t={addToCartMessages(t)} withQuantity />
      </div>
    </article>
  );
}
