import 'server-only';
import { headers } from 'next/headers';
import { readBrowserId } from '@/lib/checkout/browser-cookie';
import { browserOwner } from '@/lib/checkout/browser-id';
import { getConfig } from '@/lib/config';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { merchantSignIn } from '@/lib/merchant/sign-in';

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
  // A password tried here (a server action can be posted to any path, where proxy.ts asks for none) counts
  // towards the same sign-in lockout as one tried on the merchant pages; proxy.ts clears it on success.
  const signIn = await merchantSignIn(
    config,
    { authorization: requestHeaders.get('authorization'), ip: await shopClientIp({ headers: requestHeaders }), what: 'a merchant page or action' },
    { clearOnSuccess: false },
  );
  if ('blockedSeconds' in signIn) return undefined;
  const { access } = signIn;
  if (access === 'open' || access === 'granted') return { kind: 'all' };
  if (access !== 'visitor') return undefined;
  const browserId = await readBrowserId();
  return { kind: 'browser', owner: browserId ? browserOwner(browserId) : '' };
}

/** The owner an order must have in this scope; undefined means any. */
export const ownerIn = (scope: MerchantScope): string | undefined => (scope.kind === 'browser' ? scope.owner : undefined);
