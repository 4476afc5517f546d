import { NextResponse } from 'next/server';
import { findPendingCheckout } from '@/lib/checkout/pending-checkouts';
import { shopDeps } from '@/lib/deps';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { getFreshOrder } from '@/lib/orders/fresh-order';
import { isPaid, isSettled } from '@/lib/orders/status';

export const dynamic = 'force-dynamic';

/** The status of an order placed in this browser, re-checked with Smartpay while it is not settled. /success polls it. */
export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const address = await shopClientIp(request);
  const fresh = (await findPendingCheckout(reference)) ? await getFreshOrder(await shopDeps(), reference, 'recheck', address) : undefined;
  if (!fresh) return NextResponse.json({ error: 'not-found' }, { status: 404 });
  const { status } = fresh.order;
  return NextResponse.json(
    { reference, status, paid: isPaid(status), final: isSettled(status), unavailable: fresh.unavailable },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
