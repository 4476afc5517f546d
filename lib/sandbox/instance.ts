import 'server-only';
import { newSigningSecret } from './base62';
import { getConfig } from '@/lib/config';
import { createSandbox, type Sandbox } from './sandbox';

const GLOBAL_KEY = Symbol.for('smartpay-storefront.sandbox');
type WithSandbox = typeof globalThis & { [GLOBAL_KEY]?: Sandbox };

/** True when the shop runs against the built-in sandbox; every sandbox route answers 404 otherwise. */
export function sandboxEnabled(): boolean {
  return getConfig().mode === 'sandbox';
}

/** The process-wide sandbox, kept on globalThis so it survives module reloads and separate bundles. */
export function getSandbox(): Sandbox {
  const holder = globalThis as WithSandbox;
  if (!holder[GLOBAL_KEY]) {
    const config = getConfig();
    holder[GLOBAL_KEY] = createSandbox({
      appUrl: config.appUrl,
      webhookSecret: config.smartpay.webhookSecret ?? newSigningSecret(),
    });
  }
  return holder[GLOBAL_KEY];
}
