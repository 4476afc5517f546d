import type { StoredAddress, StoredCustomer } from '@/lib/db/schema';
import { prefectures } from '@/lib/checkout/prefectures';
import type { Locale } from '@/lib/i18n/locales';

/** The prefecture as stored (its Japanese name) in `locale`; a name the list does not know is kept as it is. */
function prefectureIn(name: string, locale: Locale): string {
  return prefectures.find((p) => p.name.ja === name)?.name[locale] ?? name;
}

/**
 * A delivery address as each language writes it, one entry a line. Japanese goes from the largest part
 * to the smallest: 〒150-0001 / 東京都渋谷区神宮前1-2-3 / ビル 101. English goes the other way: building,
 * street, city, prefecture, postal code, Japan.
 */
export function addressLines(address: StoredAddress, locale: Locale): string[] {
  const { postalCode, city, line1, line2 } = address;
  const prefecture = prefectureIn(address.prefecture, locale);
  if (locale === 'ja') return [`〒${postalCode}`, `${prefecture}${city}${line1}`, ...(line2 ? [line2] : [])];
  return [line2 ? `${line2}, ${line1}` : line1, `${city}, ${prefecture}, ${postalCode}`, 'Japan'];
}

const LATIN_NAME = /^[\p{Script=Latin}\s'.-]+$/u;

/**
 * The recipient's name as each language writes it: 山田 太郎 様 in Japanese; in English a name in Latin
 * letters given name first (Taro Yamada), and one in Japanese script family name first, as it is written.
 */
export function recipientName(customer: Pick<StoredCustomer, 'familyName' | 'givenName'>, locale: Locale): string {
  const { familyName, givenName } = customer;
  if (locale === 'ja') return `${familyName} ${givenName} 様`;
  return LATIN_NAME.test(familyName) && LATIN_NAME.test(givenName) ? `${givenName} ${familyName}` : `${familyName} ${givenName}`;
}
