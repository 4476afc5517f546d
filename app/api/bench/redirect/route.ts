// The baseline of scripts/bench-checkout.mjs: a route that does nothing but answer a redirect.
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(null, { status: 303, headers: { Location: '/' } });
}
