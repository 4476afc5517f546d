import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { NextConfig } from 'next';
import { EDITION_COOKIE, EDITION_PATTERN } from '@/lib/edition-cookie';
import { securityHeaders } from '@/lib/security-headers';
import { editionParams } from '@/lib/shop-edition';

/**
 * Which requests proxy.ts runs before, and what next.config.js does with the others: every shop page is
 * served by exactly one of them, with the same security headers.
 */
// Next.js's testing helpers expect the global its server sets up.
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
const { getRewrittenUrl, unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } = await import('next/experimental/testing/server');
const { config: proxyConfig } = await import('@/proxy');

type NextConfigModule = ((phase: string) => NextConfig) & {
  EDITION_COOKIE: string;
  EDITION: string;
  EDITIONS: string[];
  catalogSecurityHeaders: (options: { development: boolean; https: boolean }) => { key: string; value: string }[];
};
const nextConfig = createRequire(import.meta.url)('../next.config.js') as NextConfigModule;
const productionConfig = () => nextConfig('phase-production-server');

const proxyRuns = (url: string, cookies: Record<string, string> = {}) =>
  unstable_doesMiddlewareMatch({ config: proxyConfig, url, cookies, nextConfig: productionConfig() });
const fromNextConfig = (url: string, cookies: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  unstable_getResponseFromNextConfig({ url: `http://shop.test${url}`, nextConfig: productionConfig, cookies, headers });

const CATALOG = ['/', '/products/roasted-hojicha', '/category/tea'];
const ALWAYS_PROXIED = ['/cart', '/checkout', '/success?ref=SP-1', '/cancel', '/orders', '/orders/1', '/sandbox', '/legal/privacy', '/contact', '/en/products/roasted-hojicha', '/?category=tea', '/locale', '/api/health', '/products/Roasted-Hojicha', '/products/a/b'];
const NEVER_PROXIED = ['/products/roasted-hojicha.svg', '/icon.svg', '/_next/static/chunks/a.js', '/api/webhooks/smartpay', '/sandbox/v1/checkout-sessions'];

describe('the edition cookie', () => {
  it('has the same name and pattern in next.config.js as in lib/edition-cookie.ts, and names every prerendered edition', () => {
    expect(nextConfig.EDITION_COOKIE).toBe(EDITION_COOKIE);
    expect(nextConfig.EDITION).toBe(EDITION_PATTERN);
    expect([...nextConfig.EDITIONS].sort()).toEqual(editionParams().map(({ edition }) => edition).sort());
    const pattern = new RegExp(`^${EDITION_PATTERN}$`);
    expect(['ja', 'en', 'ja-sandbox', 'en-sandbox', 'fr', 'ja-', 'sandbox', 'jaen'].filter((value) => pattern.test(value)).sort()).toEqual(
      [...nextConfig.EDITIONS].sort(),
    );
  });

  it.each(['ja', 'en', 'ja-sandbox', 'en-sandbox'])('with %s, the catalog is served from that edition by next.config.js, without proxy.ts', async (edition) => {
    for (const url of CATALOG) {
      expect(proxyRuns(url, { [EDITION_COOKIE]: edition }), url).toBe(false);
      const response = await fromNextConfig(url, { [EDITION_COOKIE]: edition });
      expect(new URL(getRewrittenUrl(response)!).pathname, url).toBe(`/${edition}${url === '/' ? '' : url}`);
      expect(response.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'");
    }
  });

  it.each([[{}], [{ [EDITION_COOKIE]: 'fr' }], [{ [EDITION_COOKIE]: 'ja-sandboxx' }], [{ [EDITION_COOKIE]: '' }]])(
    'without a known value (%o), the catalog passes through proxy.ts and next.config.js leaves it alone',
    async (cookies) => {
      for (const url of CATALOG) {
        expect(proxyRuns(url, cookies), url).toBe(true);
        const response = await fromNextConfig(url, cookies);
        expect(getRewrittenUrl(response), url).toBeNull();
        expect(response.headers.get('content-security-policy'), url).toBeNull();
      }
    },
  );

  it('leaves every other page to proxy.ts, and the files and machine routes to themselves, whatever the cookie', async () => {
    for (const cookies of [{}, { [EDITION_COOKIE]: 'ja' }] as Record<string, string>[]) {
      for (const url of ALWAYS_PROXIED) expect(proxyRuns(url, cookies), url).toBe(true);
      for (const url of NEVER_PROXIED) expect(proxyRuns(url, cookies), url).toBe(false);
    }
    expect(getRewrittenUrl(await fromNextConfig('/products/roasted-hojicha.svg', { [EDITION_COOKIE]: 'ja' }))).toBeNull();
  });

  it('gives the files proxy.ts does not see their own strict headers', async () => {
    for (const url of ['/products/roasted-hojicha.svg', '/icon.svg', '/_next/static/chunks/a.js']) {
      const { headers } = await fromNextConfig(url);
      expect(headers.get('content-security-policy'), url).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
      expect(headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });
});

describe("the catalog's security headers in next.config.js", () => {
  const asRecord = (list: { key: string; value: string }[]) => Object.fromEntries(list.map(({ key, value }) => [key, value]));
  const withoutFormAction = (headers: Record<string, string>) => ({
    ...headers,
    'Content-Security-Policy': headers['Content-Security-Policy']!.split('; ').filter((d) => !d.startsWith('form-action')).join('; '),
  });

  it.each([false, true])("are proxy.ts's (https %s), but for form-action, which allows the shop itself only", (https) => {
    const fromProxy = securityHeaders({
      appUrl: https ? 'https://shop.example.test' : 'http://127.0.0.1:3000',
      production: true,
      smartpay: { checkoutOrigin: 'https://checkout.smartpay.co' } as Parameters<typeof securityHeaders>[0]['smartpay'],
    });
    const fromConfig = asRecord(nextConfig.catalogSecurityHeaders({ development: false, https }));
    expect(withoutFormAction(fromConfig)).toEqual(withoutFormAction(fromProxy));
    expect(fromConfig['Content-Security-Policy']).toContain("form-action 'self';");
  });

  it('add HSTS and upgrade-insecure-requests when a TLS proxy in front says https', async () => {
    const cookies = { [EDITION_COOKIE]: 'ja' };
    const plain = await fromNextConfig('/', cookies);
    const https = await fromNextConfig('/', cookies, { 'x-forwarded-proto': 'https' });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(https.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
