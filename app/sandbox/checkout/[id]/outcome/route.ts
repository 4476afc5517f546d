import { isCheckoutOutcome } from '@/lib/sandbox/hosted-checkout';
import { getSandbox, sandboxEnabled } from '@/lib/sandbox/instance';

export const dynamic = 'force-dynamic';

/**
 * The hosted page's buttons post here as a plain HTML form, and the answer is a 303 to the shop's
 * success or cancel URL: a full page navigation, as when Smartpay's own checkout (another origin) sends
 * the shopper back. After a soft decline the shopper stays on the page, with a message.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!sandboxEnabled()) return new Response('Not found', { status: 404 });
  const { id } = await params;
  const outcome = (await request.formData()).get('outcome');
  if (!isCheckoutOutcome(outcome)) return new Response('Unknown outcome', { status: 400 });
  const result = await (await getSandbox()).completeCheckout(id, outcome);
  if (!result) return new Response('Not found', { status: 404 });
  const page = new URL(`/sandbox/checkout/${encodeURIComponent(id)}`, request.url);
  if (result.softDeclined) page.searchParams.set('result', 'soft-declined');
  return new Response(null, { status: 303, headers: { Location: result.redirectTo ?? page.pathname + page.search } });
}
