import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config';
import { isMerchantAllowed, merchantAccess } from '@/lib/merchant/basic-auth';

/**
 * Whether the current request may use the merchant pages. proxy.ts already answers 401 to anyone else;
 * server actions check again, so a route change can never leave them unprotected.
 */
export async function isMerchantRequest(): Promise<boolean> {
  const config = getConfig();
  const authorization = (await headers()).get('authorization');
  return isMerchantAllowed(merchantAccess({ mode: config.mode, password: config.merchantPassword, authorization }));
}
