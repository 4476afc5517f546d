import Link from 'next/link';
import { CartCount } from '@/components/cart-count';
import { LocaleSwitcher } from '@/components/locale-switcher';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

export function SiteHeader({ locale, t }: { locale: Locale; t: Messages }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight">
          {t.shop.name}
        </Link>
        <nav aria-label={t.nav.mainMenu} className="flex items-center gap-3">
          <Link href="/cart" prefetch={false} className="btn-secondary" data-testid="header-cart-link">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h9.2a1 1 0 0 0 1-.8L20 8H6.2" strokeLinecap="round" strokeLinejoin="round" />
              <circle cx="9" cy="19" r="1.5" />
              <circle cx="17" cy="19" r="1.5" />
            </svg>
            <span>{t.nav.cart}</span>
            <CartCount />
            <span className="sr-only">{t.nav.cartItems}</span>
          </Link>
          <LocaleSwitcher locale={locale} label={t.nav.language} />
        </nav>
      </div>
    </header>
  );
}
