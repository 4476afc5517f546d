import type { Messages } from '@/lib/i18n/messages';

export function SiteFooter({ t }: { t: Messages }) {
  return (
    <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">
      <p>{t.shop.tagline}</p>
    </footer>
  );
}
