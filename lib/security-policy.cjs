// @ts-check
/**
 * The security headers of the shop's pages and API answers, built in one place for both places that send
 * them: proxy.ts (through lib/security-headers.ts, from the configuration) and next.config.js (the catalog's
 * pages served without proxy.ts, from what is known at build time). CommonJS, so next.config.js can load it.
 * - `formAction`: where forms may post: the shop itself, and on pages with the checkout form Smartpay's
 *   checkout origin, since the checkout without JavaScript is redirected there;
 * - `development`: React in development evaluates code for its debugging aids (`'unsafe-eval'`);
 * - `https`: browsers are told to use https only (HSTS) and to upgrade any http subresource.
 * @param {{ https: boolean; development: boolean; formAction: string[] }} options
 * @returns {Record<string, string>}
 */
function securityHeaderValues({ https, development, formAction }) {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${[...new Set(formAction)].join(' ')}`,
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * `Cache-Control` of the shop's prerendered pages (catalog, legal pages, contact). Each URL shows the edition
 * named by the browser's cookies (its language, and the sandbox's banner or not), so no shared cache may
 * store one visitor's answer for the next: `private`. Browsers ask again each time (`no-cache`), as a
 * language switch changes the page at the same URL; unlike `no-store`, this keeps the back-forward cache.
 * Next.js would send `s-maxage=31536000` (a year in any CDN, whatever the cookies) and keeps a value already set.
 */
const EDITION_PAGE_CACHE_CONTROL = 'private, no-cache';

module.exports = { securityHeaderValues, EDITION_PAGE_CACHE_CONTROL };
