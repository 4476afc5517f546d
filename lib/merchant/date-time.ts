import { intlLocale, type Locale } from '@/lib/i18n/locales';

/** A date and time as the shop owner reads it: in Japan's time zone, whatever the server's. */
export function formatTokyoDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}
