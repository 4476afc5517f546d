import { parseEditionName } from '@/lib/edition-name';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';

/**
 * The few texts of the shop's error boundaries (client components, which should not carry the whole
 * dictionary), in every language; the language comes from the page's `[edition]` segment (`ja`, `en-sandbox`, …).
 */
export const errorTexts = {
  ja: {
    page: {
      title: '問題が発生しました',
      body: 'ページを表示できませんでした。カートの中身は失われていません。少し時間をおいてもう一度お試しください。',
      retry: '再読み込み',
      link: 'トップへ',
    },
    success: {
      title: 'お支払いの状況を確認できませんでした',
      body: 'Smartpay でお支払いを承認された場合、お支払いは Smartpay に届いています。二重に請求されることはありません。カートの中身はそのまま残っています。少し時間をおいて再確認してください。',
      retry: '再確認',
      link: 'カートに戻る',
    },
  },
  en: {
    page: {
      title: 'Something went wrong',
      body: 'This page could not be shown. Your cart has not been lost. Please try again in a moment.',
      retry: 'Reload',
      link: 'Home',
    },
    success: {
      title: 'The payment status could not be checked',
      body: 'If you approved the payment on Smartpay, Smartpay has it, and you will not be charged twice. Your cart is unchanged. Please check again in a moment.',
      retry: 'Check again',
      link: 'Back to cart',
    },
  },
} satisfies Record<Locale, Record<'page' | 'success', { title: string; body: string; retry: string; link: string }>>;

export function localeOfEdition(edition: unknown): Locale {
  return parseEditionName(edition).locale ?? defaultLocale;
}
