export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ja';
export const LOCALE_COOKIE = 'locale';

/** A text in every language the shop speaks. */
export type Localized = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** BCP 47 tag used with Intl for each locale. */
export const intlLocale: Record<Locale, string> = { ja: 'ja-JP', en: 'en-JP' };
