import { getConfig } from '@/lib/config';
import { getSandbox, sandboxEnabled, answerOutcomePost } from '@/lib/sandbox';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The hosted page's buttons post here as a plain HTML form (see lib/sandbox/hosted-page/outcome-post.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!sandboxEnabled()) return new Response('Not found', { status: 404 });
  const { id } = await params;
  const config = getConfig();
  const shop = new URL(config.appUrl);
  return answerOutcomePost(request, id, {
    sandbox: await getSandbox(),
    shopOrigin: shop.origin,
    cookie: { secure: shop.protocol === 'https:', maxAgeSeconds: config.demoRetentionHours * 60 * 60 },
  });
}
