// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Smartpay error bodies and sandbox state are logged on the server; keep them out of the client bundle.
  serverExternalPackages: [],
};

module.exports = nextConfig;
