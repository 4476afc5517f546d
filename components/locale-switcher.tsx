import { locales, type Locale } from '@/lib/i18n/locales';

const names: Record<Locale, string> = { ja: '日本語', en: 'English' };

// The current language is filled, the other outlined, on either background: on a dark header a white box
// around the switch would make the unselected language the bright one.
const tones = {
  light: { form: 'border-stone-300', button: 'text-ink hover:bg-stone-100', current: 'bg-ink text-white hover:bg-ink' },
  dark: { form: 'border-white/70', button: 'text-white hover:bg-white/15', current: 'bg-white font-semibold text-ink hover:bg-white' },
} as const;

/**
 * A plain form posted to /locale (app/locale/route.ts), which keeps the choice in a cookie and sends the
 * shopper back to the page they were on: a full page load, in the new language, with or without JavaScript.
 * `tone` is the background it sits on. The current language is marked with `aria-current` and `aria-pressed`.
 */
export function LocaleSwitcher({ locale, label, tone = 'light' }: { locale: Locale; label: string; tone?: keyof typeof tones }) {
  const colours = tones[tone];
  return (
    <form action="/locale" method="post" aria-label={label} className={`flex overflow-hidden rounded-lg border text-sm ${colours.form}`}>
      {locales.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          aria-current={l === locale ? 'true' : undefined}
          data-testid={`locale-${l}`}
          className={`px-3 py-1.5 ${l === locale ? colours.current : colours.button}`}
        >
          {names[l]}
        </button>
      ))}
    </form>
  );
}
