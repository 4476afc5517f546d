import { NextResponse } from 'next/server';
import { confirmCheckout } from '@/lib/checkout/confirm-checkout';
import { findPendingCheckout } from '@/lib/checkout/pending-checkouts';

export const dynamic = 'force-dynamic';

/** The current Smartpay status of a checkout started in this browser; /success polls it until it is final. */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const entry = await findPendingCheckout(reference);
  if (!entry) return NextResponse.json({ error: 'not-found' }, { status: 404 });
  const confirmation = await confirmCheckout(entry);
  if (confirmation.kind === 'unavailable') return NextResponse.json({ error: 'unavailable' }, { status: 503 });
  const { status, paid, final } = confirmation;
  return NextResponse.json({ reference, status, paid, final }, { headers: { 'Cache-Control': 'no-store' } });
}
