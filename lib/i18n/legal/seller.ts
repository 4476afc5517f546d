import type { Localized } from '@/lib/i18n/locales';

/**
 * The seller the legal notice (特定商取引法に基づく表記), the privacy policy, the shipping page and the
 * contact page name. These are the demo's fictional details: a merchant replaces every value with their
 * own and sets `fictional` to false, which removes the notice that says so from those pages.
 */
export const seller = {
  fictional: true,
  name: { ja: '株式会社見本商店（架空の会社）', en: 'Mihon Shoten K.K. (a fictional company)' } satisfies Localized,
  representative: { ja: '見本 太郎（架空の人物）', en: 'Taro Mihon (a fictional person)' } satisfies Localized,
  address: {
    ja: '〒100-0000 東京都千代田区見本町1-2-3（架空の住所）',
    en: '1-2-3 Mihon-cho, Chiyoda-ku, Tokyo 100-0000, Japan (a fictional address)',
  } satisfies Localized,
  /** Written as shoppers dial it; the tel: link is derived from it. */
  phone: '03-0000-0000',
  email: 'support@example.com',
  hours: {
    ja: '平日 10:00〜17:00（土日祝日・年末年始を除く）',
    en: 'weekdays 10:00–17:00 Japan time (closed at weekends, on national holidays and over the New Year)',
  } satisfies Localized,
} as const;
