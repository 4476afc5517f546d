import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { en } from '@/lib/i18n/messages/en';
import { ja } from '@/lib/i18n/messages/ja';

const dictionaries: Record<Locale, Messages> = { ja, en };

export function getDictionary(locale: Locale): Messages {
  return dictionaries[locale];
}
