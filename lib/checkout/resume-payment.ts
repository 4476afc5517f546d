'use server';

import { redirect } from 'next/navigation';
import { readBrowserId } from '@/lib/checkout/browser-cookie';
import { browserOwner } from '@/lib/checkout/browser-id';
import { findPendingCheckout } from '@/lib/checkout/pending-checkouts';
import { getConfig, isCheckoutUrl } from '@/lib/config';
import { shopDeps } from '@/lib/deps';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { getOrderByReference } from '@/lib/orders/repository';
import { shopLimits } from '@/lib/rate-limits';
import { SmartpayError } from '@/lib/smartpay-api/errors';

/**
 * The /cancel page's "return to Smartpay" button: sends the shopper back to the payment page of an order
 * this browser placed that still awaits authorization (the shopper left Smartpay's page without paying).
 * The page's address comes from Smartpay (`GET /checkout-sessions/{id}`), only on Smartpay's checkout origin.
 * Anything else goes back to /cancel, which says the page could not be opened. Counted like a checkout
 * submission (per browser and address), since each costs a call to Smartpay.
 */
export async function resumePayment(formData: FormData): Promise<void> {
  const ref = formData.get('ref');
  const reference = typeof ref === 'string' ? ref : '';
  const failed = `/cancel?ref=${encodeURIComponent(reference)}&resume=failed`;
  const entry = reference ? await findPendingCheckout(reference) : undefined;
  const browserId = await readBrowserId();
  if (!entry || !browserId) redirect(failed);

  const config = getConfig();
  const verdict = await (await shopLimits()).checkout(browserOwner(browserId), await shopClientIp());
  const deps = await shopDeps();
  const order = verdict.allowed ? await getOrderByReference(deps.db, entry.reference) : undefined;
  if (!order || order.owner !== browserOwner(browserId) || order.status !== 'awaiting_authorization' || !order.smartpaySessionId) redirect(failed);

  let url: string | undefined;
  try {
    url = (await deps.client.getCheckoutSession(order.smartpaySessionId)).url;
  } catch (error) {
    if (!(error instanceof SmartpayError)) throw error;
    console.error(`[order ${order.reference}] could not read its checkout session: ${error.toLogString()}`);
  }
  if (!url || !isCheckoutUrl(config, url)) redirect(failed);
  redirect(url);
}
