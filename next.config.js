// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files relative to its own module; bundling breaks those paths.
  serverExternalPackages: ['@electric-sql/pglite'],
};

module.exports = nextConfig;
