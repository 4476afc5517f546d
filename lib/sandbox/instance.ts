import 'server-only';
import { getConfig } from '@/lib/config';
import { getDatabase } from '@/lib/db/client';
import { getSecrets } from '@/lib/secrets';
import { onShutdown } from '@/lib/shutdown';
import { openDbStore } from './store/db-open';
import { startDemoPurge } from './store/purge';
import { databaseRateLimiter } from './api/rate-limit';
import { createSandbox, type Sandbox } from './sandbox';

const GLOBAL_KEY = Symbol.for('smartpay-storefront.sandbox');
type WithSandbox = typeof globalThis & { [GLOBAL_KEY]?: Promise<Sandbox> };

/** True when the shop runs against the built-in sandbox; every sandbox route answers 404 otherwise. */
export function sandboxEnabled(): boolean {
  return getConfig().mode === 'sandbox';
}

/**
 * The process-wide sandbox, kept on globalThis so it survives module reloads and separate bundles.
 * Its state lives in the shop's database (the sandbox's own tables), so it outlives restarts and is
 * shared by every process using the same PostgreSQL. The shop's webhook endpoint belongs to the shop's
 * own key; outside development, redirect and webhook URLs must stay on the shop's origin; the API is
 * rate-limited; on the public demo, data older than the retention is purged.
 */
export function getSandbox(): Promise<Sandbox> {
  const holder = globalThis as WithSandbox;
  if (!holder[GLOBAL_KEY]) {
    const config = getConfig();
    holder[GLOBAL_KEY] = (async () => {
      const handle = await getDatabase();
      const store = await openDbStore(handle);
      const secrets = await getSecrets();
      if (!secrets.webhookSecret) throw new Error('The sandbox needs the shop\'s webhook signing secret');
      const sandbox = createSandbox({
        appUrl: config.appUrl,
        webhookSecret: secrets.webhookSecret,
        shopApiKey: secrets.smartpayKey,
        allowedOrigin: config.production ? new URL(config.appUrl).origin : undefined,
        rateLimiter: databaseRateLimiter(handle.db, config.limits.sandboxCallsPerMinute, config.limits.sandboxWritesPerDay),
        trustedProxyCount: config.trustedProxyCount,
        slowMs: config.sandboxSlowMs,
        store,
      });
      // On SIGTERM, no new delivery starts and the exit waits for the ones under way (lib/shutdown.ts).
      onShutdown('sandbox webhook deliveries', () => sandbox.close());
      if (config.publicDemo) onShutdown('sandbox purge', startDemoPurge(sandbox, config.demoRetentionHours));
      return sandbox;
    })().catch((error: unknown) => {
      delete holder[GLOBAL_KEY];
      throw error;
    });
  }
  return holder[GLOBAL_KEY];
}
