import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
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
  // Another site's form may not choose the shopper's language: browsers name the posting page's origin.
  if (isLocale(locale) && !postedFromElsewhere(request)) {
    response.cookies.set(LOCALE_COOKIE, locale, cookieOptions(60 * 60 * 24 * 365));
    // The catalog's pages follow the edition cookie (lib/edition-cookie.ts): it changes with the language.
    setEditionCookie(response, locale);
  }
  return response;
}

/**
 * A POST whose Origin names another host than the one asked (`Host`) and the shop's own (`APP_URL`, for a
 * proxy in front that rewrites `Host`), or an opaque one (`null`). Without Origin it is no browser's
 * cross-site form.
 */
function postedFromElsewhere(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  try {
    const { host } = new URL(origin);
    return host !== request.headers.get('host') && host !== new URL(getConfig().appUrl).host;
  } catch {
    return true;
  }
}
