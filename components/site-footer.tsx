import Link from 'next/link';
import { legalPaths, type LegalPage } from '@/lib/i18n/legal/paths';
import type { Messages } from '@/lib/i18n/messages';

const pages: LegalPage[] = ['tokushoho', 'privacy', 'shipping', 'contact'];

/** The shop's footer: its legal and help pages, on every shop page. */
export function SiteFooter({ t }: { t: Messages }) {
  return (
    <footer className="border-t border-stone-200 bg-white py-6 text-sm text-stone-700" data-testid="site-footer">
      <div className="mx-auto max-w-6xl space-y-4 px-4">
        <nav aria-label={t.legal.footerNav}>
          <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-x-6">
            {pages.map((page) => (
              <li key={page}>
                {/* Rarely visited: not prefetched with every page. */}
                <Link href={legalPaths[page]} prefetch={false} className="inline-block py-1 underline underline-offset-4 hover:text-ink" data-testid={`footer-${page}`}>
                  {t.legal[page]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="text-stone-600">{t.shop.tagline}</p>
      </div>
    </footer>
  );
}
