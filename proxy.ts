import { NextResponse, type NextRequest } from 'next/server';
import { giveBrowserId } from '@/lib/checkout/browser-cookie';
import { clearCartOnReturn } from '@/lib/checkout/clear-cart-on-return';
import { shopDeps } from '@/lib/deps';
import { getConfig, type AppConfig } from '@/lib/config';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { percentDecoded } from '@/lib/http/decode';
import { cookieOptions } from '@/lib/cookie-options';
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { MERCHANT_REALM } from '@/lib/merchant/basic-auth';
import { merchantSignIn } from '@/lib/merchant/sign-in';
import { securityHeaders } from '@/lib/security-headers';
import { EDITION_PAGE_CACHE_CONTROL } from '@/lib/security-policy.cjs';
import { editionName } from '@/lib/edition-name';
import { EDITION_COOKIE, setEditionCookie } from '@/lib/edition-cookie';

/**
 * Runs before every page and API route (not static files). Proxy runs on the Node.js runtime in Next 16,
 * so it reads the environment at request time through the same getConfig() as the rest of the shop.
 *
 * - Every answer gets the security headers and the Content-Security-Policy (lib/security-headers.ts).
 * - The shop's pages are served from their prerendered edition (lib/shop-edition.ts) for the shopper's
 *   language (the `locale` cookie, Japanese by default) and the shop's mode, by a rewrite to the internal
 *   edition segment, so URLs stay the same in every language; `/en/…` or `/ja/…` switches the language
 *   and drops the prefix. The answer also carries the edition cookie (lib/edition-cookie.ts): with it, the
 *   catalog's pages no longer pass through here (see `config.matcher` below and next.config.js). Prerendered
 *   pages go out as `Cache-Control: private, no-cache` (lib/security-policy.cjs): one URL, several editions.
 * - A path that names a shop or merchant page only once its percent-encoding is decoded (`/%73andbox`) is
 *   sent to its plain form, where the rules here apply; one that does not decode is a 400, and the editions'
 *   internal segment asked for directly (`/ja-sandbox/…`) a 404.
 * - /checkout gives a browser without one its id (lib/checkout/browser-cookie.ts), which the checkout
 *   attempt is bound to.
 * - /success empties the cart of a shopper whose order is paid (lib/checkout/clear-cart-on-return.ts).
 * - The merchant pages (/orders and under it, including their server actions, and the sandbox dashboard
 *   /sandbox) ask for HTTP Basic auth whenever MERCHANT_PASSWORD is set, and are closed outside the
 *   sandbox while it is not. Failed sign-ins are logged and, from the sixth, block the address for a
 *   growing time (lib/rate-limits.ts). Without a password the sandbox's pages stay open: on a developer's
 *   machine to everything, on the public demo to what the visitor's own browser did.
 */
export async function proxy(request: NextRequest) {
  const config = getConfig();
  const response = await route(request, config);
  for (const [name, value] of Object.entries(securityHeaders(config))) response.headers.set(name, value);
  return response;
}

const isMerchantPath = (pathname: string) => pathname === '/orders' || pathname.startsWith('/orders/') || pathname === '/sandbox';

/** The shop's pages, which live under an internal locale segment (app/(shop)/[locale]/…). */
const SHOP_PAGE = /^\/(?:|cart|checkout|success|cancel|products\/[^/]+|category\/[^/]+|legal\/(?:tokushoho|privacy|shipping)|contact)$/;
/**
 * The shop's pages rendered per request, which Next.js sends with `Cache-Control: private, no-cache, no-store,
 * max-age=0, must-revalidate`; the others are prerendered (the security check holds every page to one of the two).
 */
const PER_REQUEST_PAGE = /^\/(?:cart|checkout|success|cancel)$/;
/** A shop URL with a language in front (a link shared in a language): the language is kept, the prefix dropped. */
const LOCALE_PREFIX = /^\/(ja|en)(\/.*)?$/;

/** The editions' internal segments that are not also a language prefix (those redirect, see LOCALE_PREFIX). */
const EDITION_SEGMENT = /^\/(?:ja|en)-sandbox(?:\/|$)/;

async function route(request: NextRequest, config: AppConfig): Promise<NextResponse> {
  const { pathname, searchParams } = request.nextUrl;
  // Next.js routes a path with its percent-encoded characters decoded (`/%73andbox` is /sandbox), while
  // the rules below read it as sent: a path that names one of their pages only once decoded is sent to
  // its plain form (encoded only where a URL must be) first, where they apply. A path that does not decode
  // is refused.
  const decoded = percentDecoded(pathname);
  if (decoded === undefined) return plainText(400, 'Bad request: the path is not valid percent-encoding.\nリクエストのパスが正しくありません。\n');
  const plain = encodeURI(decoded);
  if (plain !== pathname && (isMerchantPath(decoded) || EDITION_SEGMENT.test(decoded) || SHOP_PAGE.test(decoded) || LOCALE_PREFIX.test(decoded))) {
    return NextResponse.redirect(new URL(`${plain}${request.nextUrl.search}`, request.url), 308);
  }
  if (isMerchantPath(pathname)) return guardMerchantPages(request, config);
  // Only this proxy's and next.config.js's rewrites lead into an edition: asked for directly, a live
  // shop's page would wear the sandbox's banner ("nobody is charged") and still take real payments.
  // The answer is the shop's own not-found page (app/not-found.tsx, 404): a path no edition has, which
  // app/(shop)/[edition] refuses (a catch-all route at the root would have to refuse it too).
  if (EDITION_SEGMENT.test(pathname)) return NextResponse.rewrite(new URL('/_no-such-edition', request.url));

  const prefixed = LOCALE_PREFIX.exec(pathname);
  // URLs are built on request.url, the address the request came to (nextUrl may name another host).
  if (prefixed) {
    const response = NextResponse.redirect(new URL(`${prefixed[2] ?? '/'}${request.nextUrl.search}`, request.url), 307);
    const chosen = prefixed[1] as Locale;
    response.cookies.set(LOCALE_COOKIE, chosen, cookieOptions(60 * 60 * 24 * 365));
    setEditionCookie(response, chosen);
    return response;
  }
  // The catalog's category filter was once a query; each category now has its own prerendered page.
  const category = pathname === '/' ? searchParams.get('category') : null;
  if (category) return NextResponse.redirect(new URL(`/category/${encodeURIComponent(category)}`, request.url), 308);
  if (!SHOP_PAGE.test(pathname)) return NextResponse.next();

  // Before the page renders: the cart of a paid order is emptied, and the checkout gets the browser's id.
  const cookieChanges =
    pathname === '/success' ? await clearCartOnReturnIfReachable(request) : pathname === '/checkout' ? giveBrowserId(request) : undefined;
  const localeCookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(localeCookie) ? localeCookie : defaultLocale;
  const target = new URL(`/${editionName(locale, config.mode === 'sandbox')}${pathname === '/' ? '' : pathname}${request.nextUrl.search}`, request.url);
  const response = NextResponse.rewrite(target, cookieChanges ? { request: { headers: request.headers } } : undefined);
  cookieChanges?.(response);
  setEditionCookie(response, locale, request.cookies.get(EDITION_COOKIE)?.value);
  // Next.js keeps a Cache-Control set here. Only on prerendered pages: it would replace the per-request pages' no-store.
  if (!PER_REQUEST_PAGE.test(pathname)) response.headers.set('Cache-Control', EDITION_PAGE_CACHE_CONTROL);
  return response;
}

const plainText = (status: number, message: string, headers: Record<string, string> = {}) =>
  new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });

async function guardMerchantPages(request: NextRequest, config: AppConfig): Promise<NextResponse> {
  const signIn = await merchantSignIn(
    config,
    { authorization: request.headers.get('authorization'), ip: await shopClientIp(request), what: request.nextUrl.pathname },
    { clearOnSuccess: true },
  );
  if ('blockedSeconds' in signIn) {
    return plainText(
      429,
      `Too many failed sign-ins from this address. Try again in ${signIn.blockedSeconds} s.\n` +
        `ログインの失敗が続いたため、このアドレスからのログインを止めています。${signIn.blockedSeconds} 秒後にもう一度お試しください。\n`,
      { 'Retry-After': String(signIn.blockedSeconds) },
    );
  }
  const { access } = signIn;
  if (access === 'open' || access === 'visitor' || access === 'granted') return NextResponse.next();
  const message =
    access === 'unconfigured'
      ? 'The merchant pages are closed: set MERCHANT_PASSWORD (at least 12 characters) to open them outside sandbox mode.\n' +
        '注文管理ページは閉じています。サンドボックス以外では MERCHANT_PASSWORD（12 文字以上）を設定してください。\n'
      : 'Sign in as user "merchant" with MERCHANT_PASSWORD.\nユーザー名 merchant と MERCHANT_PASSWORD でログインしてください。\n';
  return plainText(401, message, { 'WWW-Authenticate': `Basic realm="${MERCHANT_REALM}", charset="UTF-8"` });
}

export const config = {
  matcher: [
    // Everything but Next's static files, the shop's icon and the product illustrations (next.config.js
    // gives those their headers), the two routes that take bodies from machines, which set their headers
    // themselves (Next.js buffers a request's body for proxy.ts, and those routes must refuse an oversize
    // one unread), and the catalog's pages, which the entries below cover.
    '/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg$|products/.+\\.svg$|api/webhooks/|sandbox/v1/|products/[a-z0-9-]+$|category/[a-z0-9-]+$)(?!$).*)',
    // The catalog's pages, while the browser holds no edition cookie with a known value (lib/edition-cookie.ts;
    // with one, next.config.js serves them), and the home page's old category query, which redirects.
    { source: '/', missing: [{ type: 'cookie', key: 'shopEdition', value: '(?:ja|en)(?:-sandbox)?' }] },
    { source: '/', has: [{ type: 'query', key: 'category' }] },
    { source: '/products/:slug([a-z0-9-]+)', missing: [{ type: 'cookie', key: 'shopEdition', value: '(?:ja|en)(?:-sandbox)?' }] },
    { source: '/category/:id([a-z0-9-]+)', missing: [{ type: 'cookie', key: 'shopEdition', value: '(?:ja|en)(?:-sandbox)?' }] },
  ],
};

/**
 * The cart rule of /success needs the database. When it cannot be reached the cart stays as it is for now
 * (a later visit empties it) and the page renders anyway, saying that the payment is being confirmed.
 */
async function clearCartOnReturnIfReachable(request: NextRequest) {
  try {
    return await clearCartOnReturn(request, await shopDeps());
  } catch (error) {
    console.error('[success] the cart could not be checked against the order; kept for now:', error instanceof Error ? error.message : error);
    return undefined;
  }
}
