import { invalid, type ErrorDetail } from './errors';

/**
 * Outside development the sandbox sends shoppers (success and cancel URLs) and webhooks only to the
 * shop's own origin, so it cannot be used to redirect people or to make requests elsewhere. `fields`
 * maps a body path to its (already validated) URL; absent fields are skipped.
 */
export function requireAllowedOrigin(allowedOrigin: string | undefined, fields: Record<string, string | undefined>): void {
  if (allowedOrigin === undefined) return;
  const details: ErrorDetail[] = [];
  for (const [path, url] of Object.entries(fields)) {
    if (url === undefined || originOf(url) === allowedOrigin) continue;
    details.push({ path, message: `must be a URL on ${allowedOrigin}, the only origin this sandbox sends shoppers and webhooks to` });
  }
  if (details.length > 0) throw invalid(details, `URLs must be on ${allowedOrigin}`);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
