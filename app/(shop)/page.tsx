import Link from 'next/link';
import { ProductCard } from '@/components/product-card';
import { getCategory, listCategories, listProducts } from '@/lib/catalog';
import { format } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { formatYen } from '@/lib/money';
import { FREE_SHIPPING_THRESHOLD } from '@/lib/pricing';

export default async function HomePage({ searchParams }: { searchParams: Promise<{ category?: string }> }) {
  const { locale, t } = await getI18n();
  const { category: categoryParam } = await searchParams;
  const category = categoryParam ? getCategory(categoryParam) : undefined;
  const products = listProducts(category?.id);

  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">{t.home.heading}</h1>
        <p className="mt-2 text-stone-700">{format(t.home.intro, { threshold: formatYen(FREE_SHIPPING_THRESHOLD, locale) })}</p>
      </section>
      <nav aria-label={t.home.categories}>
        <ul className="flex flex-wrap gap-2">
          {[{ id: undefined, name: t.home.all }, ...listCategories().map((c) => ({ id: c.id, name: c.name[locale] }))].map((c) => {
            const current = c.id === category?.id;
            return (
              <li key={c.id ?? 'all'}>
                <Link
                  href={c.id ? `/?category=${c.id}` : '/'}
                  aria-current={current ? 'page' : undefined}
                  className="inline-block rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-white"
                >
                  {c.name}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="sr-only">
          {category ? category.name[locale] : t.home.all}
        </h2>
        <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-4" data-testid="product-grid">
          {products.map((product, index) => (
            <ProductCard
              key={product.id}
              product={product}
              locale={locale}
              t={t}
              aboveTheFold={index === 0 ? 'first' : index < 4 ? 'yes' : 'no'}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
