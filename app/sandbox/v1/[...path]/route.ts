import { getSandbox, sandboxEnabled } from '@/lib/sandbox';
import { withSecurityHeaders } from '@/lib/security-headers';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The sandbox's Smartpay API; it exists only when the shop runs in sandbox mode. */
async function handle(request: Request): Promise<Response> {
  if (!sandboxEnabled()) return withSecurityHeaders(new Response('Not Found', { status: 404 }));
  return withSecurityHeaders(await (await getSandbox()).handle(request));
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
