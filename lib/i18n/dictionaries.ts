import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { en } from '@/lib/i18n/messages/en';
import { ja } from '@/lib/i18n/messages/ja';
import { en as merchantEn, ja as merchantJa, type MerchantMessages } from '@/lib/i18n/messages/merchant';

const dictionaries: Record<Locale, Messages> = { ja, en };
const merchantDictionaries: Record<Locale, MerchantMessages> = { ja: merchantJa, en: merchantEn };

/** The shop's texts. */
export function getDictionary(locale: Locale): Messages {
  return dictionaries[locale];
}

/** The texts of the merchant pages (/orders). */
export function getMerchantMessages(locale: Locale): MerchantMessages {
  return merchantDictionaries[locale];
}
