import { NextResponse, type NextRequest } from 'next/server';
import { cookieOptions } from '@/lib/cookie-options';
import { readBodyCapped } from '@/lib/http/read-body';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

/**
 * The language switcher's form: keeps the chosen language in a cookie for a year and answers 303 to the
 * page the shopper came from (only a path on this origin), which proxy.ts then serves in that language.
 */
export async function POST(request: NextRequest) {
  const body = await readBodyCapped(request, 1024);
  const locale = body.tooLarge ? undefined : new URLSearchParams(body.text).get('locale');
  const response = new NextResponse(null, { status: 303, headers: { Location: backTo(request), 'Cache-Control': 'no-store' } });
  if (isLocale(locale)) response.cookies.set(LOCALE_COOKIE, locale, cookieOptions(60 * 60 * 24 * 365));
  return response;
}

/** The Referer's path and query when it is a page of this origin, else the home page; never another site. */
function backTo(request: NextRequest): string {
  try {
    const referer = new URL(request.headers.get('referer') ?? '');
    if (referer.host !== request.headers.get('host')) return '/';
    // One leading slash only: `//host/…` would be read as another site.
    return `/${referer.pathname.replace(/^\/+/, '')}${referer.search}`;
  } catch {
    return '/';
  }
}
