import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Document, viewport as documentViewport } from '@/components/document';
import { SandboxBanner } from '@/components/sandbox-banner';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipLink } from '@/components/skip-link';
import { getConfig } from '@/lib/config';
import { editionOf, editionParams, type EditionParams } from '@/lib/shop-edition';

/** Every edition (language, with or without the sandbox) is prerendered; any other first segment is not a shop page. */
export const dynamicParams = false;
export const generateStaticParams = editionParams;

export async function generateMetadata({ params }: { params: EditionParams }): Promise<Metadata> {
  const { t } = await editionOf(params);
  return {
    title: { default: t.meta.title, template: `%s | ${t.meta.title}` },
    description: t.meta.description,
    metadataBase: new URL(getConfig().appUrl),
  };
}

export const viewport: Viewport = documentViewport;

/**
 * The shop's document and chrome, the same for every shopper, so catalog pages are prerendered; what is
 * per shopper in it (the cart count) is read in the browser (components/cart-count.tsx).
 */
export default async function ShopLayout({ children, params }: { children: ReactNode; params: EditionParams }) {
  const { locale, sandbox, t } = await editionOf(params);
  return (
    <Document lang={locale}>
      <SkipLink label={t.nav.skipToContent} />
      {sandbox && <SandboxBanner t={t.sandbox} />}
      <SiteHeader locale={locale} t={t} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter t={t} />
    </Document>
  );
}
