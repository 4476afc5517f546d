import { createHash, timingSafeEqual } from 'node:crypto';

/** HTTP Basic auth of the merchant pages (/orders). Pure functions, shared by proxy.ts and the server actions. */

export const MERCHANT_USER = 'merchant';
export const MERCHANT_REALM = 'Orders';

export type MerchantAccess =
  /** `npm run dev` on the sandbox without a password: the developer's own machine, everything is open. */
  | 'open'
  /** The public demo without a password: a visitor sees and acts on the orders of their own browser only. */
  | 'visitor'
  /** The request carries the right user and password. */
  | 'granted'
  /** No or wrong credentials. */
  | 'denied'
  /** Outside sandbox mode with no MERCHANT_PASSWORD: nobody gets in. */
  | 'unconfigured';

/** Compares two strings in time that depends only on their digests' length, never on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}

/** The user and password of an `Authorization: Basic …` header, or undefined when it is missing or malformed. */
export function parseBasicAuth(header: string | null | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function merchantAccess(input: {
  mode: 'sandbox' | 'test' | 'live';
  /** A production build (the public demo, when on the sandbox). */
  production: boolean;
  password: string | undefined;
  authorization: string | null | undefined;
}): MerchantAccess {
  if (!input.password) {
    if (input.mode !== 'sandbox') return 'unconfigured';
    return input.production ? 'visitor' : 'open';
  }
  const credentials = parseBasicAuth(input.authorization);
  if (!credentials) return 'denied';
  // Both comparisons always run, so the time taken does not tell which one failed.
  const userOk = constantTimeEqual(credentials.user, MERCHANT_USER);
  const passwordOk = constantTimeEqual(credentials.password, input.password);
  return userOk && passwordOk ? 'granted' : 'denied';
}

/** Whether a request may see or use the merchant pages (a visitor only for their own browser's orders). */
export const isMerchantAllowed = (access: MerchantAccess) => access === 'open' || access === 'granted' || access === 'visitor';
