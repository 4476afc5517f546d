import 'server-only';
import type { ShopDeps } from '@/lib/deps';
import { KIB, readBodyCapped } from '@/lib/http/read-body';
import { finishWebhookEvent, recordWebhookEvent } from '@/lib/orders/repository';
import { eventSchema } from '@/lib/smartpay-api/schemas';
import { handleSmartpayEvent } from '@/lib/webhooks/handle-event';
import { verifySignature } from '@/lib/webhooks/signature';

export interface WebhookDependencies extends ShopDeps {
  /** The endpoint's signing secret; undefined when none is configured. */
  secret: string | undefined;
  now?: number;
}

/** Smartpay's events are a few kilobytes; anything near this is not one. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * KIB;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Receives one Smartpay webhook delivery. 400 for anything unsigned, forged, stale or unreadable, and 413
 * for a body over 256 KiB (refused before it is read), with state untouched; 200 once an event is handled or was already handled (duplicates are acknowledged and
 * ignored); 500 when handling failed, so Smartpay delivers it again.
 */
export async function receiveWebhook(request: Request, deps: WebhookDependencies): Promise<Response> {
  if (!deps.secret) {
    console.error('[webhook] SMARTPAY_WEBHOOK_SECRET is not set: cannot verify Smartpay webhooks');
    return json({ error: 'webhook secret not configured' }, 500);
  }
  const signature = request.headers.get('smartpay-signature');
  const timestamp = request.headers.get('smartpay-signature-timestamp');
  // Nothing is read from a delivery that cannot be Smartpay's, and never more than the cap.
  if (!signature || !timestamp) return json({ error: 'missing-headers' }, 400);
  const body = await readBodyCapped(request, MAX_WEBHOOK_BODY_BYTES);
  if (body.tooLarge) return json({ error: 'body too large' }, 413);
  const rawBody = body.text;
  const check = verifySignature({
    secret: deps.secret,
    rawBody,
    signature,
    timestamp,
    now: deps.now,
  });
  if (!check.ok) {
    console.warn(`[webhook] refused: ${check.reason}`);
    return json({ error: check.reason }, 400);
  }

  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return json({ error: 'body is not JSON' }, 400);
  }
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) return json({ error: 'not a Smartpay event' }, 400);
  const event = parsed.data;

  const seen = await recordWebhookEvent(deps.db, {
    id: event.id,
    type: event.eventData.type,
    createdAt: event.createdAt,
    payload,
  });
  if (seen === 'duplicate') return json({ received: true, duplicate: true });

  try {
    const result = await handleSmartpayEvent(deps, event);
    await finishWebhookEvent(deps.db, event.id, result.outcome, result.smartpayOrderId);
    return json({ received: true, outcome: result.outcome });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[webhook ${event.id}] ${event.eventData.type} failed: ${message}`);
    await finishWebhookEvent(deps.db, event.id, `failed: ${message}`).catch(() => undefined);
    return json({ error: 'handling failed' }, 500);
  }
}
