import { getConfig } from '@/lib/config';
import { en } from '@/lib/i18n/legal/en';
import { ja } from '@/lib/i18n/legal/ja';
import { seller } from '@/lib/i18n/legal/seller';
import type { Locale } from '@/lib/i18n/locales';
import { formatYen } from '@/lib/money';
import { FREE_SHIPPING_THRESHOLD, SHIPPING_FEE } from '@/lib/pricing';

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/**
 * The texts of the legal and help pages (/legal/tokushoho, /legal/privacy, /legal/shipping, /contact),
 * kept apart from the shop's messages: every language has exactly the shape of the Japanese one.
 */
export type LegalTexts = Widen<typeof ja>;

const texts: Record<Locale, LegalTexts> = { ja, en };

export function getLegalTexts(locale: Locale): LegalTexts {
  return texts[locale];
}

/**
 * What the pages' placeholders stand for: the seller's details, the shop's shipping rule (lib/pricing.ts)
 * and the retention of orders and checkout drafts. The pages are prerendered, so the retention is the one
 * configured when the shop was built (DEMO_RETENTION_HOURS, 24 hours by default).
 */
export function legalValues(locale: Locale): Record<string, string | number> {
  return {
    seller: seller.name[locale],
    representative: seller.representative[locale],
    address: seller.address[locale],
    phone: seller.phone,
    email: seller.email,
    hours: seller.hours[locale],
    fee: formatYen(SHIPPING_FEE, locale),
    threshold: formatYen(FREE_SHIPPING_THRESHOLD, locale),
    retentionHours: getConfig().demoRetentionHours,
  };
}

export { seller };
