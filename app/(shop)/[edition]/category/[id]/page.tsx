import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Catalog } from '@/components/catalog';
import { getCategory, listCategories } from '@/lib/catalog';
import { editionOf } from '@/lib/shop-edition';

type Params = Promise<{ edition: string; id: string }>;

/** Every category, in each language (the locale comes from the parent segment's params). */
export function generateStaticParams() {
  return listCategories().map((category) => ({ id: category.id }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await editionOf(params);
  const category = getCategory((await params).id);
  return category ? { title: category.name[locale] } : {};
}

/** The products of one category; prerendered in each language. */
export default async function CategoryPage({ params }: { params: Params }) {
  const { locale, t } = await editionOf(params);
  const category = getCategory((await params).id);
  if (!category) notFound();
  return <Catalog locale={locale} t={t} category={category} />;
}
