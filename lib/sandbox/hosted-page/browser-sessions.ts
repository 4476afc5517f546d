import { isIdOf } from '../store/ids';

/**
 * The sessions one browser acted on with the hosted page's buttons, kept in an httpOnly cookie so the
 * public demo's dashboard can show a visitor what they did and nothing else. A session id is the
 * capability to its hosted page already, so holding it in a cookie grants nothing new.
 */

export const SESSIONS_COOKIE = 'sandbox_sessions';
export const MAX_BROWSER_SESSIONS = 20;
const SEPARATOR = '.';
const MAX_ID_LENGTH = 64;

const isSessionId = (id: string) => id.length <= MAX_ID_LENGTH && isIdOf('checkoutSession', id);

/** The session ids a cookie value holds, oldest first (anything else in it is ignored). */
export function sessionIdsOf(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(SEPARATOR).filter(isSessionId))].slice(-MAX_BROWSER_SESSIONS);
}

/** `ids` with `id` as the newest, at most `MAX_BROWSER_SESSIONS` kept. */
export function withSession(ids: string[], id: string): string[] {
  return [...ids.filter((known) => known !== id), id].slice(-MAX_BROWSER_SESSIONS);
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie header for `ids`: the sandbox's paths only, not readable by scripts, sent on top-level navigations. */
export function sessionsCookie(ids: string[], options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSIONS_COOKIE}=${ids.join(SEPARATOR)}`,
    'Path=/sandbox',
    `Max-Age=${Math.round(options.maxAgeSeconds)}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
