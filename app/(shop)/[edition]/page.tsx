import { Catalog } from '@/components/catalog';
import { editionOf, editionParams, type EditionParams } from '@/lib/shop-edition';

export const generateStaticParams = editionParams;

/** Every product; prerendered in each language. */
export default async function HomePage({ params }: { params: EditionParams }) {
  const { locale, t } = await editionOf(params);
  return <Catalog locale={locale} t={t} />;
}
