import { createHmac } from 'node:crypto';
import { base62Decode } from './base62';

/**
 * Smartpay-Signature: lowercase hex HMAC-SHA256 over `<timestamp>.<raw body>`, keyed with the
 * base62-decoded signing secret.
 */
export function signWebhook(signingSecret: string, timestamp: string, body: string): string {
  return createHmac('sha256', base62Decode(signingSecret)).update(`${timestamp}.`, 'utf8').update(body, 'utf8').digest('hex');
}
