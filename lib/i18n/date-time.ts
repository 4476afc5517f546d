import { intlLocale, type Locale } from '@/lib/i18n/locales';

/**
 * Every time the shop shows (the merchant's orders, the sandbox's dashboard) is Japan time, whatever the
 * server's zone, and says so. Japan has no daylight saving time, so the label is always JST.
 */
export const SHOP_TIME_ZONE = 'Asia/Tokyo';
export const SHOP_TIME_ZONE_LABEL = 'JST';

/** A date and time as the page's language writes it, in Japan time: `2026/11/26 14:03:05 JST`, `Nov 26, 2026, 14:03:05 JST`. */
export function formatJapanDateTime(date: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: SHOP_TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  return `${text} ${SHOP_TIME_ZONE_LABEL}`;
}

/** A sortable timestamp in Japan time, for tables read by developers: `2026-11-26 14:03:05 JST`. */
export function formatJapanTimestamp(date: Date | number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: SHOP_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${SHOP_TIME_ZONE_LABEL}`;
}
