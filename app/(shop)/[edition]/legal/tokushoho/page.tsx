import type { Metadata } from 'next';
import { fill, LegalPage } from '@/components/legal-page';
import { getLegalTexts } from '@/lib/i18n/legal';
import { editionOf, editionParams, type EditionParams } from '@/lib/shop-edition';

export const generateStaticParams = editionParams;

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: getLegalTexts((await editionOf(params)).locale).tokushoho.title };
}

/** 特定商取引法に基づく表記: the seller and the terms of sale, as the law asks of a shop online. Prerendered. */
export default async function TokushohoPage({ params }: { params: EditionParams }) {
  const { locale, sandbox } = await editionOf(params);
  const t = getLegalTexts(locale).tokushoho;
  return (
    <LegalPage locale={locale} sandbox={sandbox} title={t.title} lead={t.lead}>
      <dl className="card divide-y divide-stone-200" data-testid="tokushoho">
        {t.rows.map((row) => (
          <div key={row.id} id={row.id} className="grid gap-1 p-4 sm:grid-cols-[12rem_1fr] sm:gap-4" data-testid={`tokushoho-${row.id}`}>
            <dt className="font-semibold">{row.term}</dt>
            <dd className="space-y-1">
              {row.body.map((paragraph) => (
                <p key={paragraph}>{fill(paragraph, locale)}</p>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </LegalPage>
  );
}
