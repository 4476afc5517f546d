import { isLocale, type Locale } from '@/lib/i18n/locales';

/**
 * The names of the shop's editions (the internal `[edition]` segment, see lib/shop-edition.ts): `ja`, `en`,
 * `ja-sandbox`, `en-sandbox`. Plain functions, safe in client components (the error boundaries read the
 * language from the segment).
 */
const SANDBOX_SUFFIX = '-sandbox';

export function editionName(locale: Locale, sandbox: boolean): string {
  return `${locale}${sandbox ? SANDBOX_SUFFIX : ''}`;
}

/** The language and mode an edition name stands for; `locale` is undefined for a name that is no edition. */
export function parseEditionName(edition: unknown): { locale: Locale | undefined; sandbox: boolean } {
  const name = typeof edition === 'string' ? edition : '';
  const sandbox = name.endsWith(SANDBOX_SUFFIX);
  const locale = sandbox ? name.slice(0, -SANDBOX_SUFFIX.length) : name;
  return { locale: isLocale(locale) ? locale : undefined, sandbox };
}
