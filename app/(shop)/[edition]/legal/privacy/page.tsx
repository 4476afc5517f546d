import type { Metadata } from 'next';
import { LegalPage, LegalSections } from '@/components/legal-page';
import { getLegalTexts } from '@/lib/i18n/legal';
import { editionOf, editionParams, type EditionParams } from '@/lib/shop-edition';

export const generateStaticParams = editionParams;

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: getLegalTexts((await editionOf(params)).locale).privacy.title };
}

/** The privacy policy: what the shop collects at checkout, why, what Smartpay receives, how long it is kept. Prerendered. */
export default async function PrivacyPage({ params }: { params: EditionParams }) {
  const { locale, sandbox } = await editionOf(params);
  const t = getLegalTexts(locale).privacy;
  return (
    <LegalPage locale={locale} sandbox={sandbox} title={t.title} lead={t.lead}>
      <LegalSections locale={locale} sandbox={sandbox} sections={t.sections} />
    </LegalPage>
  );
}
