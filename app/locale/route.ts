import { NextResponse, type NextRequest } from 'next/server';
import { cookieOptions } from '@/lib/cookie-options';
import { setEditionCookie } from '@/lib/edition-cookie';
import { readBodyCapped } from '@/lib/http/read-body';
import { sameOriginPath } from '@/lib/http/same-origin-path';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

/**
 * The language switcher's form: keeps the chosen language in a cookie for a year and answers 303 to the
 * page the shopper came from (only a page of this host), which is then served in that language.
 */
export async function POST(request: NextRequest) {
  const body = await readBodyCapped(request, 1024);
  const locale = body.tooLarge ? undefined : new URLSearchParams(body.text).get('locale');
  const back = sameOriginPath(request.headers.get('referer'), request.headers.get('host'));
  const response = new NextResponse(null, { status: 303, headers: { Location: back, 'Cache-Control': 'no-store' } });
  if (isLocale(locale)) {
    response.cookies.set(LOCALE_COOKIE, locale, cookieOptions(60 * 60 * 24 * 365));
    // The catalog's pages follow the edition cookie (lib/edition-cookie.ts): it changes with the language.
    setEditionCookie(response, locale);
  }
  return response;
}
