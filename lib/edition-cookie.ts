import 'server-only';
import type { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { cookieOptions } from '@/lib/cookie-options';
import { editionName } from '@/lib/edition-name';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The edition cookie: which prerendered edition (lib/shop-edition.ts) this browser's catalog pages come
 * from, its language and the running shop's mode (`ja`, `en`, `ja-sandbox`, `en-sandbox`). While a browser
 * holds one, next.config.js serves the catalog's pages (home, categories, products) from that edition
 * without running proxy.ts; proxy.ts sets it on every shop page it serves and whenever the language
 * changes, so it is corrected at the latest on the next page that is not a catalog page, or when it
 * expires. It only chooses between public, prerendered pages: a forged value shows the visitor another
 * language or the sandbox's banner, nothing else.
 *
 * The name and the values' pattern are written out in next.config.js and in proxy.ts's matcher as well
 * (both must be static there); lib/edition-cookie.test.ts keeps the three the same.
 */
export const EDITION_COOKIE = 'shopEdition';
export const EDITION_PATTERN = '(?:ja|en)(?:-sandbox)?';

/** An hour: a change of the shop's mode reaches catalog pages seen only from the cookie within it. */
export const EDITION_COOKIE_MAX_AGE = 60 * 60;

/** The edition this shop serves in `locale`. */
export const currentEdition = (locale: Locale) => editionName(locale, getConfig().mode === 'sandbox');

/** Sets the edition cookie for `locale` on `response`, unless the request already holds that value. */
export function setEditionCookie(response: NextResponse, locale: Locale, held?: string): void {
  const edition = currentEdition(locale);
  if (held !== edition) response.cookies.set(EDITION_COOKIE, edition, cookieOptions(EDITION_COOKIE_MAX_AGE));
}
