import type { ReactNode } from 'react';
import { SandboxBanner } from '@/components/sandbox-banner';
import { SiteHeader } from '@/components/site-header';
import { readCart } from '@/lib/cart/cart-cookie';
import { getConfig } from '@/lib/config';
import { getI18n } from '@/lib/i18n/server';
import { priceCart } from '@/lib/pricing';

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n();
  const cartCount = priceCart(await readCart()).itemCount;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t.nav.skipToContent}
      </a>
      {getConfig().mode === 'sandbox' && <SandboxBanner t={t.sandbox} />}
      <SiteHeader locale={locale} t={t} cartCount={cartCount} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">
        <p>{t.shop.tagline}</p>
      </footer>
    </>
  );
}
