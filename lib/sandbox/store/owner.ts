import { createHash } from 'node:crypto';

/**
 * Who owns the objects an API key creates: a digest of the key, as Smartpay scopes objects to the
 * merchant whose key created them. The key itself is never stored.
 */
export function ownerOf(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 32);
}
