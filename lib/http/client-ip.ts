/**
 * The address of the client a request came from, for per-IP rate limits. Next.js puts the socket's address
 * in X-Forwarded-For when the request has none; a reverse proxy in front appends the address it saw. With
 * `trustedProxies` proxies that append (TRUSTED_PROXY_COUNT, default 1), the client is that many entries
 * from the right. A client that reaches `next start` directly can choose its own X-Forwarded-For, so
 * expose the shop through a proxy (every host does) for per-IP limits to hold.
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, trustedProxies);
  return entries[Math.max(0, index)] ?? 'unknown';
}
