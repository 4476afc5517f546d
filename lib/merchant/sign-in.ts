import 'server-only';
import type { AppConfig } from '@/lib/config';
import { merchantAccess, type MerchantAccess } from '@/lib/merchant/basic-auth';
import { shopLimits } from '@/lib/rate-limits';

/**
 * The merchant password a request tries (`authorization`), under the sign-in lockout (lib/rate-limits.ts):
 * while the address is blocked it is not even checked; a wrong one is counted and logged; with
 * `clearOnSuccess`, a right one clears the address's count. proxy.ts runs it for the merchant pages, and
 * merchantScope for the merchant server actions, which can be posted to any path.
 */
export async function merchantSignIn(
  config: AppConfig,
  request: { authorization: string | null; ip: string; what: string },
  options: { clearOnSuccess: boolean },
): Promise<{ access: MerchantAccess } | { blockedSeconds: number }> {
  const { authorization, ip } = request;
  const limits = config.merchantPassword && authorization ? await shopLimits() : undefined;
  if (limits) {
    const allowed = await limits.signInAllowed(ip);
    if (!allowed.allowed) return { blockedSeconds: allowed.retryAfterSeconds };
  }
  const access = merchantAccess({ mode: config.mode, production: config.production, password: config.merchantPassword, authorization });
  if (limits && access === 'granted' && options.clearOnSuccess) await limits.signInSucceeded(ip);
  if (limits && access === 'denied') {
    const { failures, blockedSeconds } = await limits.signInFailed(ip);
    console.warn(`[merchant] failed sign-in from ${ip} to ${request.what}: ${failures} in 24 h${blockedSeconds ? `; address blocked for ${blockedSeconds} s` : ''}`);
  }
  return { access };
}
