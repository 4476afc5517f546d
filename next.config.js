// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files relative to its own module; bundling breaks those paths.
  // rate-limiter-flexible imports drizzle-orm at run time by a computed name, which a bundle cannot follow.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible'],
};

module.exports = nextConfig;
