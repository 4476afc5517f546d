import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { db } from '@/lib/db/client';
import { finishWebhookEvent, recordWebhookEvent } from '@/lib/orders/repository';
import { eventSchema } from '@/lib/smartpay-api/schemas';
import { handleSmartpayEvent } from '@/lib/webhooks/handle-event';
import { verifySignature } from '@/lib/webhooks/signature';

export const dynamic = 'force-dynamic';

/**
 * Smartpay's webhooks. 400 for anything unsigned, forged, stale or unreadable (state untouched);
 * 200 once an event is handled or was already handled; 500 when handling failed, so Smartpay retries.
 */
export async function POST(request: Request) {
  const secret = getConfig().smartpay.webhookSecret;
  if (!secret) {
    console.error('[webhook] SMARTPAY_WEBHOOK_SECRET is not set: cannot verify Smartpay webhooks');
    return NextResponse.json({ error: 'webhook secret not configured' }, { status: 500 });
  }
  const rawBody = await request.text();
  const check = verifySignature({
    secret,
    rawBody,
    signature: request.headers.get('smartpay-signature'),
    timestamp: request.headers.get('smartpay-signature-timestamp'),
  });
  if (!check.ok) {
    console.warn(`[webhook] refused: ${check.reason}`);
    return NextResponse.json({ error: check.reason }, { status: 400 });
  }

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return NextResponse.json({ error: 'body is not JSON' }, { status: 400 });
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) return NextResponse.json({ error: 'not a Smartpay event' }, { status: 400 });
  const event = parsed.data;

  const database = await db();
  const seen = await recordWebhookEvent(database, { id: event.id, type: event.eventData.type, createdAt: event.createdAt, payload: json });
  if (seen === 'duplicate') return NextResponse.json({ received: true, duplicate: true });

  try {
    const result = await handleSmartpayEvent(database, event);
    await finishWebhookEvent(database, event.id, result.outcome, result.smartpayOrderId);
    return NextResponse.json({ received: true, outcome: result.outcome });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[webhook ${event.id}] ${event.eventData.type} failed: ${message}`);
    await finishWebhookEvent(database, event.id, `failed: ${message}`).catch(() => undefined);
    return NextResponse.json({ error: 'handling failed' }, { status: 500 });
  }
}
