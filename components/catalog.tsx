import { IntentLink } from '@/components/intent-link';
import { ProductCard } from '@/components/product-card';
import { listCategories, listProducts, type Category } from '@/lib/catalog';
import { format } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { formatYen } from '@/lib/money';
import { FREE_SHIPPING_THRESHOLD } from '@/lib/pricing';

/** The catalog grid with its category filter: the home page (every product) and each category's page. */
export function Catalog({ locale, t, category }: { locale: Locale; t: Messages; category?: Category }) {
  const products = listProducts(category?.id);
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">{category ? category.name[locale] : t.home.heading}</h1>
        <p className="mt-2 text-stone-700">{format(t.home.intro, { threshold: formatYen(FREE_SHIPPING_THRESHOLD, locale) })}</p>
      </section>
      <nav aria-label={t.home.categories}>
        <ul className="flex flex-wrap gap-2">
          {[{ id: undefined, name: t.home.all }, ...listCategories().map((c) => ({ id: c.id, name: c.name[locale] }))].map((c) => {
            const current = c.id === category?.id;
            return (
              <li key={c.id ?? 'all'}>
                <IntentLink
                  href={c.id ? `/category/${c.id}` : '/'}
                  aria-current={current ? 'page' : undefined}
                  className="inline-block rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-white"
                >
                  {c.name}
                </IntentLink>
              </li>
            );
          })}
        </ul>
      </nav>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="sr-only">
          {category ? category.name[locale] : t.home.all}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:gap-6 lg:grid-cols-4" data-testid="product-grid">
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
