import { randomInt } from 'node:crypto';
import type { Mode } from './records';

/** Base62 alphabet used in ids (any order works for random strings). */
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const ID_PREFIXES = {
  checkoutSession: 'checkout',
  order: 'order',
  lineItem: 'li',
  price: 'price',
  product: 'product',
  payment: 'payment',
  refund: 'refund',
  token: 'paytok',
  webhookEndpoint: 'webhookendpoint',
  event: 'evt',
  delivery: 'whdelivery',
  coupon: 'coupon',
  promotionCode: 'promotioncode',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ID_ALPHABET[randomInt(62)];
  return out;
}

/** `<prefix>_<test|live>_<22 base62>`, the shape every Smartpay id has. */
export function newId(kind: IdKind, mode: Mode): string {
  return `${ID_PREFIXES[kind]}_${mode}_${randomBase62(22)}`;
}

/** True when `id` has the shape of an id of this kind (any mode). */
export function isIdOf(kind: IdKind, id: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_(test|live)_[0-9A-Za-z]+$`).test(id);
}

export function modeOfId(id: string): Mode | undefined {
  const match = /^[a-z]+_(test|live)_/.exec(id);
  return match ? (match[1] as Mode) : undefined;
}
