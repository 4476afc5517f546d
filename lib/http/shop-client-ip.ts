import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config';
import { clientIp } from '@/lib/http/client-ip';

/**
 * The shop's reading of a client address (lib/http/client-ip.ts) behind the shop's TRUSTED_PROXY_COUNT
 * proxies, for its per-address limits: of a request at hand (proxy.ts, route handlers), or, without one, of
 * the request being rendered or acted on (server components, server actions).
 */
export async function shopClientIp(request?: { headers: Headers }): Promise<string> {
  return clientIp(request ? request.headers : await headers(), getConfig().trustedProxyCount);
}
