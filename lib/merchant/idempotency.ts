import { createHash } from 'node:crypto';
import type { MerchantAction } from '@/lib/merchant/allowed-actions';

/** A form key is the random UUID a merchant form carries from the moment its page was rendered. */
export const FORM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Idempotency-Key sent to Smartpay for one call of a merchant action: the same form, action, amount
 * and payment always give the same key, so a double submit is answered with the first result instead of
 * capturing or refunding twice; anything else gives another key.
 */
export function merchantIdempotencyKey(formKey: string, action: MerchantAction, amount: number, target = ''): string {
  const digest = createHash('sha256').update(`${formKey}\n${action}\n${amount}\n${target}`).digest('hex');
  return `merchant-${action}-${digest.slice(0, 40)}`;
}
