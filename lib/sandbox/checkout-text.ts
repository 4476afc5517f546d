import type { OrderStatus } from './types';

/** Every text of the hosted checkout page, in both languages it can be shown in. */

export type CheckoutLocale = 'ja' | 'en';

export interface CheckoutText {
  badge: string;
  title: string;
  merchant: string;
  intro: string;
  itemsCaption: string;
  item: string;
  quantity: string;
  unitAmount: string;
  lineTotal: string;
  tax: string;
  discount: string;
  shippingFee: string;
  total: string;
  shipTo: string;
  approve: string;
  decline: string;
  softDecline: string;
  cancel: string;
  choose: string;
  softDeclined: string;
  finalTitle: string;
  status: Record<OrderStatus, string>;
  backToShop: string;
}

export const checkoutText: Record<CheckoutLocale, CheckoutText> = {
  ja: {
    badge: 'サンドボックス / Sandbox',
    title: 'お支払い内容の確認',
    merchant: 'Smartpay サンドボックス加盟店',
    intro: 'これはテスト用の Smartpay サンドボックスです。実際の請求は発生しません。',
    itemsCaption: 'ご注文内容',
    item: '商品',
    quantity: '数量',
    unitAmount: '単価',
    lineTotal: '小計',
    tax: '税',
    discount: '割引',
    shippingFee: '送料',
    total: '合計',
    shipTo: 'お届け先',
    approve: '承認する',
    decline: '拒否する',
    softDecline: '一時的に拒否する',
    cancel: 'キャンセルしてショップに戻る',
    choose: 'テストしたい結果を選んでください。',
    softDeclined: 'お支払いは承認されませんでした。もう一度お試しいただけます。',
    finalTitle: 'この注文はすでに処理されています',
    status: {
      requires_authorization: '承認待ち',
      requires_capture: '承認済み（売上確定待ち）',
      succeeded: 'お支払い完了',
      rejected: '拒否されました',
      canceled: 'キャンセルされました',
    },
    backToShop: 'ショップに戻る',
  },
  en: {
    badge: 'Sandbox / サンドボックス',
    title: 'Review your payment',
    merchant: 'Smartpay sandbox merchant',
    intro: 'This is the Smartpay sandbox for testing. No real payment is made.',
    itemsCaption: 'Your order',
    item: 'Item',
    quantity: 'Quantity',
    unitAmount: 'Unit price',
    lineTotal: 'Subtotal',
    tax: 'Tax',
    discount: 'Discount',
    shippingFee: 'Shipping',
    total: 'Total',
    shipTo: 'Shipping to',
    approve: 'Approve',
    decline: 'Decline',
    softDecline: 'Soft decline',
    cancel: 'Cancel and return to shop',
    choose: 'Choose the outcome you want to test.',
    softDeclined: 'The payment was declined. You may try again.',
    finalTitle: 'This order has already been processed',
    status: {
      requires_authorization: 'Awaiting authorization',
      requires_capture: 'Authorized (awaiting capture)',
      succeeded: 'Paid',
      rejected: 'Declined',
      canceled: 'Canceled',
    },
    backToShop: 'Back to the shop',
  },
};

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

export const formatYen = (amount: number) => yen.format(amount);
