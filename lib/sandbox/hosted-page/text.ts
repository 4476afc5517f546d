import type { OrderStatus, TokenStatus } from '../store/records';

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
  tokenTitle: string;
  tokenIntro: string;
  tokenNote: string;
  tokenSoftDeclined: string;
  tokenFinalTitle: string;
  tokenStatus: Record<TokenStatus, string>;
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
    tokenTitle: 'お支払い方法の登録',
    tokenIntro: 'Smartpay を「Smartpay サンドボックス加盟店」でのお支払い方法として登録します。',
    tokenNote: '登録すると、この加盟店は今後のご注文をその都度の確認なしで Smartpay に請求できます。登録はいつでも解除できます。今回の登録では請求は発生しません。',
    tokenSoftDeclined: 'お支払い方法の登録は承認されませんでした。もう一度お試しいただけます。',
    tokenFinalTitle: 'この登録はすでに処理されています',
    tokenStatus: {
      requires_authorization: '承認待ち',
      active: '登録済み',
      rejected: '拒否されました',
      disabled: '停止中',
      deleted: '削除されました',
    },
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
    tokenTitle: 'Register a payment method',
    tokenIntro: 'You are registering Smartpay as a payment method for Smartpay sandbox merchant.',
    tokenNote: 'Once registered, this merchant can charge future orders to Smartpay without asking you each time. You can remove it at any time. Nothing is charged now.',
    tokenSoftDeclined: 'The registration was declined. You may try again.',
    tokenFinalTitle: 'This registration has already been processed',
    tokenStatus: {
      requires_authorization: 'Awaiting authorization',
      active: 'Registered',
      rejected: 'Declined',
      disabled: 'Disabled',
      deleted: 'Deleted',
    },
  },
};

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

export const formatYen = (amount: number) => yen.format(amount);
