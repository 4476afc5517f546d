import type { ReactNode } from 'react';
import { format } from '@/lib/i18n/format';
import { getLegalTexts, legalValues, seller } from '@/lib/i18n/legal';
import type { Locale } from '@/lib/i18n/locales';

/** A paragraph of a legal text, its placeholders filled (lib/i18n/legal). */
export const fill = (template: string, locale: Locale) => format(template, legalValues(locale));

/**
 * The frame of the legal and help pages: title, lead, the notice that the seller's details are fictional
 * (while lib/i18n/legal/seller.ts says so) and, on the sandbox, that nothing is charged or shipped.
 */
export function LegalPage({ locale, sandbox, title, lead, children }: { locale: Locale; sandbox: boolean; title: string; lead: string; children: ReactNode }) {
  const t = getLegalTexts(locale);
  return (
    <article className="mx-auto max-w-3xl space-y-6" data-testid="legal-page">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p className="text-stone-700">{fill(lead, locale)}</p>
      </header>
      {(seller.fictional || sandbox) && (
        <div className="space-y-1 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950" data-testid="legal-fictional-notice">
          {seller.fictional && <p>{t.fictional}</p>}
          {sandbox && <p>{t.sandbox}</p>}
        </div>
      )}
      {children}
    </article>
  );
}

/** Headed sections of paragraphs (privacy policy, shipping and returns). */
export function LegalSections({
  locale,
  sandbox,
  sections,
}: {
  locale: Locale;
  sandbox: boolean;
  sections: readonly { id: string; heading: string; body: readonly string[]; demo?: readonly string[] }[];
}) {
  return (
    <div className="card divide-y divide-stone-200">
      {sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-heading`} className="space-y-2 p-5">
          <h2 id={`${section.id}-heading`} className="text-lg font-semibold">
            {section.heading}
          </h2>
          {/* The sandbox is the public demo: its own retention applies there. */}
          {(sandbox && section.demo ? section.demo : section.body).map((paragraph) => (
            <p key={paragraph}>{fill(paragraph, locale)}</p>
          ))}
        </section>
      ))}
    </div>
  );
}
