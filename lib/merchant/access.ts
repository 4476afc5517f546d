import 'server-only';
import { headers } from 'next/headers';
import { readBrowserId } from '@/lib/checkout/browser-cookie';
import { browserOwner } from '@/lib/checkout/browser-id';
import { getConfig } from '@/lib/config';
import { clientIp } from '@/lib/http/client-ip';
import { merchantAccess } from '@/lib/merchant/basic-auth';
import { shopLimits } from '@/lib/rate-limits';

/**
 * Which orders the current request may see and act on: all of them (the merchant, or a developer's own
 * `npm run dev`), those of this browser (a visitor of the public demo), or none. proxy.ts already answers
 * 401 to anyone else; pages and server actions ask again, so a route change can never open them.
 */
export type MerchantScope =
  | { kind: 'all' }
  /** `owner` is the browser's digest; '' when the browser has no id, which matches no order. */
  | { kind: 'browser'; owner: string };

export async function merchantScope(): Promise<MerchantScope | undefined> {
  const config = getConfig();
  const requestHeaders = await headers();
  const authorization = requestHeaders.get('authorization');
  // A password tried here (a server action can be posted to any path, where proxy.ts asks for none) counts
  // towards the same sign-in lockout as one tried on the merchant pages (lib/rate-limits.ts).
  const limits = config.merchantPassword && authorization ? await shopLimits() : undefined;
  const ip = clientIp(requestHeaders, config.trustedProxyCount);
  if (limits && !(await limits.signInAllowed(ip)).allowed) return undefined;
  const access = merchantAccess({ mode: config.mode, production: config.production, password: config.merchantPassword, authorization });
  if (limits && access === 'denied') {
    const { failures, blockedSeconds } = await limits.signInFailed(ip);
    console.warn(`[merchant] failed sign-in from ${ip} with a server action: ${failures} in 24 h${blockedSeconds ? `; address blocked for ${blockedSeconds} s` : ''}`);
  }
  if (access === 'open' || access === 'granted') return { kind: 'all' };
  if (access !== 'visitor') return undefined;
  const browserId = await readBrowserId();
  return { kind: 'browser', owner: browserId ? browserOwner(browserId) : '' };
}

/** The owner an order must have in this scope; undefined means any. */
export const ownerIn = (scope: MerchantScope): string | undefined => (scope.kind === 'browser' ? scope.owner : undefined);
