import { getConfig, type AppConfig } from '@/lib/config';
import { securityHeaderValues } from '@/lib/security-policy.cjs';

/**
 * The security headers of every page and API answer set by proxy.ts, built by lib/security-policy.cjs from
 * the configuration (next.config.js builds the catalog's, for pages served without proxy.ts, with the same
 * function; static files get a stricter set there). The policy keeps what the shop needs working:
 * - the checkout form without JavaScript posts to its server action, which answers 303 to Smartpay's
 *   checkout page, so `form-action` allows the checkout origin;
 * - Next.js puts its page data in inline scripts; pages are prerendered, so a per-request nonce is not
 *   possible, and scripts are allowed from this origin and inline. React escapes what shoppers type, so
 *   nothing they enter becomes markup, let alone a script;
 * - nothing may frame the shop (clickjacking of the pay and approve buttons);
 * - on https, browsers are told to use https only (HSTS) and to upgrade any http subresource.
 */
export function securityHeaders(config: Pick<AppConfig, 'appUrl' | 'production' | 'smartpay'>): Record<string, string> {
  // Every answer asks for them; the configuration is read once per process, so they are worked out once.
  let headers = computed.get(config);
  if (!headers) {
    headers = computeHeaders(config);
    computed.set(config, headers);
  }
  return headers;
}

const computed = new WeakMap<object, Record<string, string>>();

function computeHeaders(config: Pick<AppConfig, 'appUrl' | 'production' | 'smartpay'>): Record<string, string> {
  return securityHeaderValues({
    https: config.appUrl.startsWith('https://'),
    development: !config.production,
    formAction: ["'self'", config.smartpay.checkoutOrigin],
  });
}


/**
 * The same headers on a route's own answer, for the routes proxy.ts does not run before (the webhook and
 * the sandbox's API, whose bodies proxy.ts would otherwise buffer before the route can refuse them).
 */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(securityHeaders(getConfig()))) response.headers.set(name, value);
  return response;
}
