import { notFound } from 'next/navigation';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { editionName, parseEditionName } from '@/lib/edition-name';
import { locales, type Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

/**
 * The shop's pages live under an internal `[edition]` segment (app/(shop)/[edition]/…), so each is
 * prerendered once per edition: each language, with and without the sandbox's banner (`ja`, `en`,
 * `ja-sandbox`, `en-sandbox`). proxy.ts rewrites the public, unprefixed URL to the edition of the
 * shopper's language (their cookie) and of the running shop's Smartpay mode, so URLs are the same in
 * every language and one build serves any mode; for a browser holding the edition cookie it set, the
 * catalog's pages are rewritten by next.config.js instead (lib/edition-cookie.ts).
 */
export type EditionParams = Promise<{ edition: string }>;

export interface Edition {
  locale: Locale;
  /** The shop runs on its built-in sandbox: the pages say so. */
  sandbox: boolean;
  t: Messages;
}

export async function editionOf(params: EditionParams): Promise<Edition> {
  const { locale, sandbox } = parseEditionName((await params).edition);
  if (!locale) notFound();
  return { locale, sandbox, t: getDictionary(locale) };
}

/** Every edition, for generateStaticParams. */
export const editionParams = () => locales.flatMap((locale) => [false, true].map((sandbox) => ({ edition: editionName(locale, sandbox) })));
