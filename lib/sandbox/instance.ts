import 'server-only';
import { getConfig } from '@/lib/config';
import { getDatabase } from '@/lib/db/client';
import { getSecrets } from '@/lib/secrets';
import { openDbStore } from './db-open';
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
 * shared by every process using the same PostgreSQL.
 */
export function getSandbox(): Promise<Sandbox> {
  const holder = globalThis as WithSandbox;
  if (!holder[GLOBAL_KEY]) {
    const config = getConfig();
    holder[GLOBAL_KEY] = (async () => {
      const store = await openDbStore(await getDatabase());
      const secrets = await getSecrets();
      if (!secrets.webhookSecret) throw new Error('The sandbox needs the shop\'s webhook signing secret');
      return createSandbox({
        appUrl: config.appUrl,
        webhookSecret: secrets.webhookSecret,
        store,
      });
    })().catch((error: unknown) => {
      delete holder[GLOBAL_KEY];
      throw error;
    });
  }
  return holder[GLOBAL_KEY];
}
