import { getConfig, type AppConfig } from '@/lib/config';

/**
 * The security headers of every page and API answer (set by proxy.ts; next.config.js sets the ones that
 * do not depend on the configuration on static files). The policy keeps what the shop needs working:
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
  const https = config.appUrl.startsWith('https://');
  const formAction = [...new Set(["'self'", config.smartpay.checkoutOrigin])].join(' ');
  const policy = [
    "default-src 'self'",
    // React in development evaluates code for its debugging aids.
    `script-src 'self' 'unsafe-inline'${config.production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}


/**
 * The same headers on a route's own answer, for the routes proxy.ts does not run before (the webhook and
 * the sandbox's API, whose bodies proxy.ts would otherwise buffer before the route can refuse them).
 */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(securityHeaders(getConfig()))) response.headers.set(name, value);
  return response;
}
