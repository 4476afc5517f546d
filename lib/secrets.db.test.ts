import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { shopSecrets } from '@/lib/db/schema';
import { databaseKeeper, DEV_COOKIE_SECRET, DEV_SANDBOX_KEY, DEV_WEBHOOK_SECRET, resolveSecrets, type SecretKeeper } from '@/lib/secrets';
import { databaseKind, openTestDatabase } from '@/test/database';

const neverAsked: SecretKeeper = async (name) => {
  throw new Error(`asked for ${name}`);
};

describe('resolveSecrets', () => {
  it('uses the fixed development values for npm run dev and the tests, never the database', async () => {
    const secrets = await resolveSecrets(parseConfig({ NODE_ENV: 'development' }), neverAsked);
    expect(secrets).toEqual({
      smartpayKey: DEV_SANDBOX_KEY,
      webhookSecret: DEV_WEBHOOK_SECRET,
      cookieSecret: DEV_COOKIE_SECRET,
      generated: [],
    });
  });

  it('never uses a value from the source in a production build: the public demo generates and keeps its own', async () => {
    const kept = new Map<string, string>();
    const keep: SecretKeeper = async (name, generate) => {
      if (!kept.has(name)) kept.set(name, generate());
      return kept.get(name)!;
    };
    const config = parseConfig({ NODE_ENV: 'production' });
    const secrets = await resolveSecrets(config, keep);
    expect([...secrets.generated].sort()).toEqual(['cookie_secret', 'sandbox_api_key', 'sandbox_webhook_secret']);
    expect(secrets.smartpayKey).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(secrets.webhookSecret).toMatch(/^[0-9A-Za-z]{40}$/);
    expect(secrets.cookieSecret).toMatch(/^[0-9A-Za-z]{48}$/);
    expect([secrets.smartpayKey, secrets.webhookSecret, secrets.cookieSecret]).not.toContain(DEV_SANDBOX_KEY);
    expect(secrets.webhookSecret).not.toBe(DEV_WEBHOOK_SECRET);
    expect(secrets.cookieSecret).not.toBe(DEV_COOKIE_SECRET);
    // A second instance of the same deployment reads the same values.
    expect(await resolveSecrets(config, keep)).toEqual(secrets);
    // Another deployment gets others.
    const other = await resolveSecrets(config, async (_name, generate) => generate());
    expect(other.cookieSecret).not.toBe(secrets.cookieSecret);
    expect(other.webhookSecret).not.toBe(secrets.webhookSecret);
  });

  it('takes what the environment gives; with a test key and no COOKIE_SECRET the cookie secret is generated', async () => {
    const keep: SecretKeeper = async (_name, generate) => generate();
    const secrets = await resolveSecrets(
      parseConfig({ NODE_ENV: 'production', SMARTPAY_SECRET_KEY: 'sk_test_abc123', SMARTPAY_WEBHOOK_SECRET: 'abcDEF123' }),
      keep,
    );
    expect(secrets.smartpayKey).toBe('sk_test_abc123');
    expect(secrets.webhookSecret).toBe('abcDEF123');
    expect(secrets.cookieSecret).not.toBe(DEV_COOKIE_SECRET);
    expect(secrets.generated).toEqual(['cookie_secret']);
    const withoutWebhookSecret = await resolveSecrets(parseConfig({ NODE_ENV: 'production', SMARTPAY_SECRET_KEY: 'sk_test_abc123' }), keep);
    expect(withoutWebhookSecret.webhookSecret).toBeUndefined();
  });
});

describe(`databaseKeeper (${databaseKind})`, () => {
  it('keeps the first value stored, so every instance on one database agrees', async () => {
    const handle = await openTestDatabase();
    try {
      const name = `test_secret_${Date.now()}`;
      const keep = databaseKeeper(handle.db);
      const [first, second] = await Promise.all([keep(name, () => 'first'), keep(name, () => 'second')]);
      expect(first).toBe(second);
      expect(await keep(name, () => 'third')).toBe(first);
      await handle.db.delete(shopSecrets);
    } finally {
      await handle.close();
    }
  });
});
