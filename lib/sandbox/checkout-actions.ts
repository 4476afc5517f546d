'use server';

import { notFound, redirect } from 'next/navigation';
import { isCheckoutOutcome } from './hosted-checkout';
import { getSandbox, sandboxEnabled } from './instance';

/**
 * A button of the hosted checkout page. Redirects the shopper to the shop (success or cancel URL),
 * or back to the page with a message after a soft decline.
 */
export async function submitCheckoutOutcome(sessionId: string, outcome: string): Promise<void> {
  if (!sandboxEnabled()) notFound();
  if (!isCheckoutOutcome(outcome)) throw new Error(`Unknown checkout outcome: ${outcome}`);
  const result = await (await getSandbox()).completeCheckout(sessionId, outcome);
  if (!result) notFound();
  if (result.redirectTo) redirect(result.redirectTo);
  const query = result.softDeclined ? '?result=soft-declined' : '';
  redirect(`/sandbox/checkout/${encodeURIComponent(sessionId)}${query}`);
}
