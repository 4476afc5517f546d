import { intlLocale, type Locale } from '@/lib/i18n/locales';

const formatters = new Map<Locale, Intl.NumberFormat>();

/** Formats an integer number of yen for display, e.g. ￥1,200 (ja) or ¥1,200 (en). The one money formatter. */
export function formatYen(amount: number, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency: 'JPY' });
    formatters.set(locale, formatter);
  }
  return formatter.format(amount);
}
