/**
 * Japanese phone numbers. Written here rather than with libphonenumber-js because Japan's rule is short
 * (a trunk 0 or +81, then 9 or 10 digits) and this module ships to the browser with the checkout form,
 * where phone metadata for every country would cost far more than these lines.
 */

/** Removes spaces, hyphens, dots and parentheses, and turns full-width characters into ASCII. */
export function compactPhone(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐‑–—ー().]/g, '');
}

/**
 * After compactPhone: a trunk 0 (or +81), then 10 digits for mobile, IP and 0800 numbers (020, 050, 070,
 * 080, 090, 0800) or 9 digits for landlines and 0120/0570 (03-1234-5678, 0120-123-456).
 */
export const JAPANESE_PHONE = /^(?:\+81|0)(?:[2-9]0\d{8}|(?![2-9]0)[1-9]\d{8})$/;

export function isJapanesePhone(input: string): boolean {
  return JAPANESE_PHONE.test(compactPhone(input));
}

/** E.164 form that Smartpay expects, e.g. 090-1234-5678 → +819012345678. Throws on a number that is not Japanese. */
export function toE164(input: string): string {
  const compact = compactPhone(input);
  if (!JAPANESE_PHONE.test(compact)) throw new Error('Not a Japanese phone number');
  return compact.startsWith('+81') ? compact : `+81${compact.slice(1)}`;
}
