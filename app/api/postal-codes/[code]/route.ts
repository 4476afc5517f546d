import { lookupPostalCode } from '@/lib/checkout/postal-codes';
import { percentDecoded } from '@/lib/http/decode';

/**
 * `GET /api/postal-codes/1500001`: the prefecture, city and town of a Japanese postal code, for the
 * checkout form to fill in (lib/checkout/postal-codes.ts; Japan Post's data, offline). Public data, the same
 * for everyone: cached by browsers and shared caches for a day.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code;
  // A segment that does not decode (`%` alone) is looked up as it is, and found nowhere.
  const address = lookupPostalCode(percentDecoded(code) ?? code);
  return Response.json(address ?? { error: 'unknown postal code' }, {
    status: address ? 200 : 404,
    headers: { 'Cache-Control': 'public, max-age=86400' },
  });
}
