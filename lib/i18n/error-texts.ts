import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';

/**
 * The few texts of the shop's error boundaries (client components, which should not carry the whole
 * dictionary), in every language; the language comes from the page's `[edition]` segment (`ja`, `en-sandbox`, …).
 */
export const errorTexts = {
  ja: {
    title: '問題が発生しました',
    body: 'ページを表示できませんでした。カートの中身は失われていません。少し時間をおいてもう一度お試しください。',
    reload: '再読み込み',
    home: 'トップへ',
    successTitle: 'お支払いの状況を確認できませんでした',
    successBody:
      'Smartpay でお支払いを承認された場合、お支払いは Smartpay に届いています。二重に請求されることはありません。カートの中身はそのまま残っています。少し時間をおいて再確認してください。',
    check: '再確認',
    cart: 'カートに戻る',
  },
  en: {
    title: 'Something went wrong',
    body: 'This page could not be shown. Your cart has not been lost. Please try again in a moment.',
    reload: 'Reload',
    home: 'Home',
    successTitle: 'The payment status could not be checked',
    successBody:
      'If you approved the payment on Smartpay, Smartpay has it, and you will not be charged twice. Your cart is unchanged. Please check again in a moment.',
    check: 'Check again',
    cart: 'Back to cart',
  },
} satisfies Record<Locale, Record<string, string>>;

export function localeOfEdition(edition: unknown): Locale {
  const locale = typeof edition === 'string' ? edition.split('-')[0] : undefined;
  return isLocale(locale) ? locale : defaultLocale;
}
