import { shopDeps } from '@/lib/deps';
import { getSecrets } from '@/lib/secrets';
import { withSecurityHeaders } from '@/lib/security-headers';
import { receiveWebhook } from '@/lib/webhooks/receive-webhook';

export const dynamic = 'force-dynamic';

/** Smartpay's webhook endpoint: verified, deduplicated by event id, settled from the API. */
export async function POST(request: Request) {
  return withSecurityHeaders(
    await receiveWebhook(request, {
      ...(await shopDeps()),
      secret: (await getSecrets()).webhookSecret,
    }),
  );
}
