import { describe, expect, it } from 'vitest';
import { ConfigError, isCheckoutUrl, parseConfig } from '@/lib/config';

describe('parseConfig', () => {
  it('defaults to the sandbox on localhost:3000', () => {
    const config = parseConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.smartpay).toMatchObject({
      apiBase: 'http://localhost:3000/sandbox/v1',
      checkoutOrigin: 'http://localhost:3000',
      timeoutMs: 10_000,
    });
    // No secret is a constant of the configuration: lib/secrets.ts provides them.
    expect(config.smartpay.secretKey).toBeUndefined();
    expect(config.smartpay.webhookSecret).toBeUndefined();
    expect(config.cookieSecret).toBeUndefined();
  });

  it('calls a production build without a key the public demo', () => {
    expect(parseConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, publicDemo: true });
    expect(parseConfig({ NODE_ENV: 'development' })).toMatchObject({ production: false, publicDemo: false });
    expect(parseConfig({ NODE_ENV: 'production', SMARTPAY_SECRET_KEY: 'sk_test_abc123' })).toMatchObject({
      production: true,
      publicDemo: false,
    });
  });

  it('follows PORT when APP_URL is unset, and drops a trailing slash from APP_URL', () => {
    expect(parseConfig({ PORT: '4000' }).appUrl).toBe('http://localhost:4000');
    expect(parseConfig({ APP_URL: 'https://shop.example.com/' }).appUrl).toBe('https://shop.example.com');
  });

  it('talks to Smartpay with a test key, and checks out on checkout.smartpay.co', () => {
    const config = parseConfig({ SMARTPAY_SECRET_KEY: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz' });
    expect(config.mode).toBe('test');
    expect(config.smartpay.apiBase).toBe('https://api.smartpay.co/v1');
    expect(config.smartpay.checkoutOrigin).toBe('https://checkout.smartpay.co');
    expect(config.smartpay.webhookSecret).toBeUndefined();
  });

  it('names the variable and what is expected when a value is bad', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ SMARTPAY_SECRET_KEY: 'pk_test_abc' })[0]).toMatch(/^SMARTPAY_SECRET_KEY must look like sk_test_/);
    expect(problems({ APP_URL: 'shop' })[0]).toMatch(/^APP_URL must be an http\(s\) URL/);
    expect(problems({ SMARTPAY_WEBHOOK_SECRET: 'not/base62' })[0]).toMatch(/^SMARTPAY_WEBHOOK_SECRET/);
    expect(problems({ SMARTPAY_TIMEOUT_MS: 'soon' })[0]).toMatch(/^SMARTPAY_TIMEOUT_MS/);
    expect(problems({ SANDBOX_SLOW_MS: 'later' })[0]).toMatch(/^SANDBOX_SLOW_MS must be a number of milliseconds/);
    expect(problems({ SMARTPAY_SECRET_KEY: 'sk_live_abc123' })[0]).toMatch(/^COOKIE_SECRET must be set/);
  });

  it('accepts as a payment page only an address on the checkout origin', () => {
    const live = parseConfig({ SMARTPAY_SECRET_KEY: 'sk_test_abc123', APP_URL: 'https://shop.example' });
    expect(isCheckoutUrl(live, 'https://checkout.smartpay.co/checkout_test_1')).toBe(true);
    expect(isCheckoutUrl(live, 'https://checkout.smartpay.co.evil.example/x')).toBe(false);
    expect(isCheckoutUrl(live, 'not a url')).toBe(false);
    const sandbox = parseConfig({ APP_URL: 'https://shop.example' });
    expect(isCheckoutUrl(sandbox, 'https://shop.example/sandbox/checkout/checkout_test_1')).toBe(true);
  });

  it('reads the delay of the sandbox\'s slow scenario', () => {
    expect(parseConfig({}).sandboxSlowMs).toBe(15_000);
    expect(parseConfig({ SANDBOX_SLOW_MS: '6000' }).sandboxSlowMs).toBe(6000);
  });

  it('reads how many re-checks with Smartpay a minute one address, and all of them, may cause', () => {
    expect(parseConfig({}).limits).toMatchObject({ rechecksPerIpPerMinute: 60, rechecksPerMinute: 300 });
    expect(parseConfig({ RECHECK_LIMIT_TOTAL: '500' }).limits.rechecksPerMinute).toBe(500);
    expect(() => parseConfig({ RECHECK_LIMIT_TOTAL: '0' })).toThrow(/RECHECK_LIMIT_TOTAL/);
  });

  it('reads after how many hours an unpaid order reads abandoned', () => {
    expect(parseConfig({}).abandonUnpaidAfterHours).toBe(24);
    expect(parseConfig({ ABANDON_UNPAID_AFTER_HOURS: '2.5' }).abandonUnpaidAfterHours).toBe(2.5);
    expect(() => parseConfig({ ABANDON_UNPAID_AFTER_HOURS: '0' })).toThrow(/ABANDON_UNPAID_AFTER_HOURS must be a number of hours above 0/);
  });

  it('reads the capture method and the merchant password', () => {
    expect(parseConfig({}).smartpay.captureMethod).toBe('automatic');
    expect(parseConfig({ SMARTPAY_CAPTURE_METHOD: 'manual' }).smartpay.captureMethod).toBe('manual');
    expect(() => parseConfig({ SMARTPAY_CAPTURE_METHOD: 'autommatic' })).toThrow(/SMARTPAY_CAPTURE_METHOD must be automatic or manual/);
    expect(() => parseConfig({ MERCHANT_PASSWORD: 'short' })).toThrow(/MERCHANT_PASSWORD must be at least 12 characters/);
    expect(parseConfig({ MERCHANT_PASSWORD: 'a-long-enough-password' }).merchantPassword).toBe('a-long-enough-password');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ SMARTPAY_SECRET_KEY: '', APP_URL: '' }).mode).toBe('sandbox');
  });
});
