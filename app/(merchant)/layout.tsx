import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Document, viewport as documentViewport } from '@/components/document';
import { LocaleSwitcher } from '@/components/locale-switcher';
import { SkipLink } from '@/components/skip-link';
import { getI18n } from '@/lib/i18n/server';
import { getMerchantMessages } from '@/lib/i18n/dictionaries';

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getI18n();
  return { title: getMerchantMessages(locale).header.title, robots: { index: false, follow: false } };
}

export const viewport: Viewport = documentViewport;

/** The merchant's pages: their own document, in the language of the cookie, and a plain header without the shop's cart. */
export default async function MerchantLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n();
  const m = getMerchantMessages(locale);
  return (
    <Document lang={locale}>
      <SkipLink label={t.nav.skipToContent} />
      <header className="border-b border-stone-300 bg-ink text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/orders" className="text-lg font-bold tracking-tight" data-testid="merchant-home-link">
            {m.header.title}
          </Link>
          <nav aria-label={m.header.title} className="flex items-center gap-3 text-sm">
            <Link href="/" className="underline underline-offset-4" data-testid="merchant-back-to-shop">
              {m.header.backToShop}
            </Link>
            <LocaleSwitcher locale={locale} label={t.nav.language} tone="dark" />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </Document>
  );
}
