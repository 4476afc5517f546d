import path from 'node:path';
import { z } from 'zod';

/**
 * The shop's configuration, read from the environment once and validated with zod.
 * A bad value stops start-up (see instrumentation.ts) with a message that names the variable.
 */

const SECRET_KEY = /^sk_(test|live)_[0-9A-Za-z]+$/;
const BASE62 = /^[0-9A-Za-z]+$/;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const envSchema = z.object({
  APP_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://shop.example.com' })
      .optional(),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).optional(),
  ),
  SMARTPAY_SECRET_KEY: z.preprocess(
    emptyToUndefined,
    z.string().regex(SECRET_KEY, 'must look like sk_test_… or sk_live_… (letters and digits after the prefix)').optional(),
  ),
  SMARTPAY_API_BASE: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.smartpay.co/v1' }).optional(),
  ),
  SMARTPAY_WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().regex(BASE62, 'must be the base62 signing secret Smartpay issued (letters and digits only)').optional(),
  ),
  SMARTPAY_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(120_000).default(10_000),
  ),
  SMARTPAY_CAPTURE_METHOD: z.preprocess(
    emptyToUndefined,
    z.enum(['automatic', 'manual'], { error: 'must be automatic or manual' }).default('automatic'),
  ),
  MERCHANT_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
  COOKIE_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string').optional(),
  ),
  TRUSTED_PROXY_COUNT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(10).default(1),
  ),
  CHECKOUT_LIMIT_PER_BROWSER: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(10),
  ),
  CHECKOUT_LIMIT_PER_IP: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(60)),
  RECHECK_LIMIT_PER_IP: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(60)),
  RECHECK_LIMIT_TOTAL: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(300)),
  DEMO_ACTION_LIMIT_PER_IP: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(30)),
  SANDBOX_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(600),
  ),
  SANDBOX_WRITES_PER_DAY: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(1000),
  ),
  DEMO_RETENTION_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a number of hours' }).positive({ error: 'must be a number of hours above 0' }).default(24),
  ),
  ABANDON_UNPAID_AFTER_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a number of hours' }).positive({ error: 'must be a number of hours above 0' }).default(24),
  ),
  SHUTDOWN_DRAIN_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a number of seconds' }).min(0).max(120).default(5),
  ),
  SANDBOX_SLOW_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(600_000).default(15_000),
  ),
  DATABASE_POOL_SIZE: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(200).default(10)),
  NODE_ENV: z.string().optional(),
});

export type SmartpayMode = 'sandbox' | 'test' | 'live';

export interface AppConfig {
  /** Public origin of the shop, without a trailing slash. Never derived from the request. */
  appUrl: string;
  mode: SmartpayMode;
  /** A production build (`next start`), as opposed to `npm run dev` and the tests. */
  production: boolean;
  /**
   * A production build on the built-in sandbox: the hosted demo, visited by strangers. Visitors see only
   * what their own browser created, secrets are random per deployment and old data is purged.
   */
  publicDemo: boolean;
  smartpay: {
    /** SMARTPAY_SECRET_KEY; unset in sandbox mode (the key then comes from lib/secrets.ts). */
    secretKey: string | undefined;
    /** Base URL of Smartpay's API, without a trailing slash, e.g. https://api.smartpay.co/v1 */
    apiBase: string;
    /** The only origin the shop will redirect a shopper to for payment. */
    checkoutOrigin: string;
    timeoutMs: number;
    /** automatic: Smartpay captures on authorization; manual: the merchant captures from /orders within 7 days. */
    captureMethod: 'automatic' | 'manual';
    /** SMARTPAY_WEBHOOK_SECRET. In sandbox mode, when unset, lib/secrets.ts provides one. */
    webhookSecret: string | undefined;
  };
  /** COOKIE_SECRET. When unset, lib/secrets.ts provides one (generated per deployment in production). */
  cookieSecret: string | undefined;
  /** Password of the merchant pages (/orders); required outside sandbox mode for them to open. */
  merchantPassword: string | undefined;
  databaseUrl: string | undefined;
  /** Connections of the PostgreSQL pool of each instance. */
  databasePoolSize: number;
  /** Where the embedded database keeps its files when DATABASE_URL is unset. */
  dataDir: string;
  /** Reverse proxies in front of the shop that append to X-Forwarded-For (lib/http/client-ip.ts). */
  trustedProxyCount: number;
  limits: {
    /** Checkout submissions per browser, and per client address, in 10 minutes. */
    checkoutsPerBrowser: number;
    checkoutsPerIp: number;
    /** Times a minute one client address may cause the shop to ask Smartpay about an unpaid order, over all orders. */
    rechecksPerIpPerMinute: number;
    /** Times a minute all shoppers together may cause the shop to ask Smartpay about unpaid orders. */
    rechecksPerMinute: number;
    /** Public demo: capture, cancel and refund actions of visitors (on their own orders) per client address, in 10 minutes. */
    demoActionsPerIp: number;
    /** Calls to the built-in sandbox's API per API key (and per client address), per minute. */
    sandboxCallsPerMinute: number;
    /** Calls that may store something, per client address in 24 hours, with keys other than the shop's. */
    sandboxWritesPerDay: number;
  };
  /** Public demo only: orders and sandbox objects older than this are deleted. */
  demoRetentionHours: number;
  /** An order still awaiting authorization this long after it was placed reads `abandoned` (lib/orders/abandon.ts). */
  abandonUnpaidAfterHours: number;
  /** How long the built-in sandbox's `slow` failure scenario waits before answering. */
  sandboxSlowMs: number;
  /** On SIGTERM (production), how long to keep serving with the health route at 503 before closing. */
  shutdownDrainSeconds: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const stripSlash = (url: string) => url.replace(/\/+$/, '');

/** Where shoppers are sent to pay, derived from the API base (Smartpay: api.* → checkout.*). */
export function checkoutOriginFor(apiBase: string): string {
  const url = new URL(apiBase);
  if (url.hostname === 'api.smartpay.co') return 'https://checkout.smartpay.co';
  return url.origin;
}

/** Whether `url` is a payment page the shop may send a shopper to: on the configured checkout origin. */
export function isCheckoutUrl(config: AppConfig, url: string): boolean {
  return URL.canParse(url) && new URL(url).origin === config.smartpay.checkoutOrigin;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const e = parsed.data;
  const appUrl = stripSlash(e.APP_URL ?? `http://localhost:${e.PORT ?? 3000}`);
  const secretKey = e.SMARTPAY_SECRET_KEY;
  const mode: SmartpayMode = !secretKey ? 'sandbox' : secretKey.startsWith('sk_live_') ? 'live' : 'test';
  const apiBase = stripSlash(
    e.SMARTPAY_API_BASE ?? (mode === 'sandbox' ? `${appUrl}/sandbox/v1` : 'https://api.smartpay.co/v1'),
  );
  if (mode === 'live' && !e.COOKIE_SECRET) {
    throw new ConfigError(['COOKIE_SECRET must be set (at least 32 random characters) when SMARTPAY_SECRET_KEY is a live key']);
  }
  const production = e.NODE_ENV === 'production';
  return {
    appUrl,
    mode,
    production,
    publicDemo: production && mode === 'sandbox',
    smartpay: {
      secretKey,
      apiBase,
      checkoutOrigin: checkoutOriginFor(apiBase),
      timeoutMs: e.SMARTPAY_TIMEOUT_MS,
      captureMethod: e.SMARTPAY_CAPTURE_METHOD,
      webhookSecret: e.SMARTPAY_WEBHOOK_SECRET,
    },
    cookieSecret: e.COOKIE_SECRET,
    merchantPassword: e.MERCHANT_PASSWORD,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    trustedProxyCount: e.TRUSTED_PROXY_COUNT,
    limits: {
      checkoutsPerBrowser: e.CHECKOUT_LIMIT_PER_BROWSER,
      checkoutsPerIp: e.CHECKOUT_LIMIT_PER_IP,
      rechecksPerIpPerMinute: e.RECHECK_LIMIT_PER_IP,
      rechecksPerMinute: e.RECHECK_LIMIT_TOTAL,
      demoActionsPerIp: e.DEMO_ACTION_LIMIT_PER_IP,
      sandboxCallsPerMinute: e.SANDBOX_RATE_LIMIT_PER_MINUTE,
      sandboxWritesPerDay: e.SANDBOX_WRITES_PER_DAY,
    },
    demoRetentionHours: e.DEMO_RETENTION_HOURS,
    abandonUnpaidAfterHours: e.ABANDON_UNPAID_AFTER_HOURS,
    shutdownDrainSeconds: e.SHUTDOWN_DRAIN_SECONDS,
    sandboxSlowMs: e.SANDBOX_SLOW_MS,
  };
}

let cached: AppConfig | undefined;

/** The configuration of this process, parsed on first use. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
