import type { Metadata } from 'next';
import { fill, LegalPage } from '@/components/legal-page';
import { getLegalTexts, seller } from '@/lib/i18n/legal';
import { editionOf, editionParams, type EditionParams } from '@/lib/shop-edition';

export const generateStaticParams = editionParams;

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  return { title: getLegalTexts((await editionOf(params)).locale).contact.title };
}

/** How to reach the seller (lib/i18n/legal/seller.ts). Prerendered. */
export default async function ContactPage({ params }: { params: EditionParams }) {
  const { locale, sandbox } = await editionOf(params);
  const t = getLegalTexts(locale).contact;
  const rows = [
    { id: 'email', term: t.email, detail: <a href={`mailto:${seller.email}`} className="underline underline-offset-4">{seller.email}</a> },
    { id: 'phone', term: t.phone, detail: <a href={`tel:${seller.phone.replace(/-/g, '')}`} className="underline underline-offset-4">{seller.phone}</a> },
    { id: 'hours', term: t.hours, detail: seller.hours[locale] },
    { id: 'seller', term: t.seller, detail: seller.name[locale] },
    { id: 'address', term: t.address, detail: seller.address[locale] },
  ];
  return (
    <LegalPage locale={locale} sandbox={sandbox} title={t.title} lead={t.lead}>
      <dl className="card divide-y divide-stone-200" data-testid="contact-details">
        {rows.map((row) => (
          <div key={row.id} className="grid gap-1 p-4 sm:grid-cols-[10rem_1fr] sm:gap-4" data-testid={`contact-${row.id}`}>
            <dt className="font-semibold">{row.term}</dt>
            <dd>{row.detail}</dd>
          </div>
        ))}
      </dl>
      <ul className="list-disc space-y-1 pl-5">
        {t.notes.map((note) => (
          <li key={note}>{fill(note, locale)}</li>
        ))}
      </ul>
    </LegalPage>
  );
}
