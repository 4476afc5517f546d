import 'server-only';
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getConfig, type AppConfig } from '@/lib/config';
import { db, type Database } from '@/lib/db/client';
import { shopSecrets } from '@/lib/db/schema';

/**
 * The shop's secrets: the key it sends to Smartpay, the secret its webhooks are signed with, and the
 * secret that signs its cookies. Each comes from the environment when set. Otherwise `npm run dev` and the
 * tests use the fixed development values below, while a production build generates random ones once
 * and keeps them in the database, so every instance of one deployment shares them and no two deployments
 * do. A value printed in this file never protects a production deployment.
 */

/** Development only: the key the shop sends to the built-in sandbox. */
export const DEV_SANDBOX_KEY = 'sk_test_SandboxShopKey0000000000000';
/** Development only: the webhook signing secret shared by the shop and the built-in sandbox (base62, 40 characters). */
export const DEV_WEBHOOK_SECRET = 'SandboxWebhookSigningSecret0000000000000';
/** Development only: the secret that signs the shop's cookies. */
export const DEV_COOKIE_SECRET = 'development-only-cookie-secret-change-me-0000';

export interface ShopSecrets {
  /** The Smartpay secret key the shop authenticates with (a generated sk_test_… on the sandbox). */
  smartpayKey: string;
  /** The signing secret of the shop's webhook endpoint; undefined when none is configured (webhooks are refused). */
  webhookSecret: string | undefined;
  cookieSecret: string;
  /** Names of the secrets that were generated and kept in the database. */
  generated: string[];
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

/** Returns the value kept under `name`, storing `generate()` first if there is none. */
export type SecretKeeper = (name: string, generate: () => string) => Promise<string>;

/** The secrets for a configuration; `keep` is only asked in production, for what the environment lacks. */
export async function resolveSecrets(config: AppConfig, keep: SecretKeeper): Promise<ShopSecrets> {
  const generated: string[] = [];
  const kept = async (name: string, generate: () => string, development: string) => {
    if (!config.production) return development;
    generated.push(name);
    return keep(name, generate);
  };
  const sandbox = config.mode === 'sandbox';
  return {
    smartpayKey: config.smartpay.secretKey ?? (await kept('sandbox_api_key', () => `sk_test_${randomBase62(32)}`, DEV_SANDBOX_KEY)),
    webhookSecret:
      config.smartpay.webhookSecret ??
      (sandbox ? await kept('sandbox_webhook_secret', () => randomBase62(40), DEV_WEBHOOK_SECRET) : undefined),
    cookieSecret: config.cookieSecret ?? (await kept('cookie_secret', () => randomBase62(48), DEV_COOKIE_SECRET)),
    generated,
  };
}

/** Keeps secrets in the shop_secrets table: the first instance to store one wins, every other reads it. */
export function databaseKeeper(database: Database): SecretKeeper {
  return async (name, generate) => {
    await database.insert(shopSecrets).values({ name, value: generate() }).onConflictDoNothing();
    const [row] = await database.select({ value: shopSecrets.value }).from(shopSecrets).where(eq(shopSecrets.name, name));
    if (!row) throw new Error(`Secret ${name} could not be kept in the database`);
    return row.value;
  };
}

const GLOBAL_KEY = Symbol.for('smartpay-storefront.secrets');
type WithSecrets = typeof globalThis & { [GLOBAL_KEY]?: Promise<ShopSecrets> };

/** This process's secrets, resolved on first use (at start-up, see lib/startup-check.ts). */
export function getSecrets(): Promise<ShopSecrets> {
  const holder = globalThis as WithSecrets;
  holder[GLOBAL_KEY] ??= (async () => resolveSecrets(getConfig(), databaseKeeper(await db())))().catch((error: unknown) => {
    delete holder[GLOBAL_KEY];
    throw error;
  });
  return holder[GLOBAL_KEY];
}
