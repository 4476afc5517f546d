/** The seven digits of a Japanese postal code however it is typed (full-width, with a dash or a space), or undefined. */
export function normalizePostalCode(raw: string): string | undefined {
  const digits = raw.normalize('NFKC').trim().replace(/[-‐ー−\s]/g, '');
  return /^\d{7}$/.test(digits) ? digits : undefined;
}
