import { locales, type Locale } from '@/lib/i18n/locales';

const names: Record<Locale, string> = { ja: '日本語', en: 'English' };

/**
 * A plain form posted to /locale (app/locale/route.ts), which keeps the choice in a cookie and sends the
 * shopper back to the page they were on: a full page load, in the new language, with or without JavaScript.
 */
export function LocaleSwitcher({ locale, label }: { locale: Locale; label: string }) {
  return (
    <form action="/locale" method="post" aria-label={label} className="flex overflow-hidden rounded-lg border border-stone-300 text-sm">
      {locales.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          data-testid={`locale-${l}`}
          className="px-3 py-1.5 aria-pressed:bg-ink aria-pressed:text-white"
        >
          {names[l]}
        </button>
      ))}
    </form>
  );
}
