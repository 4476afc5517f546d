import { KIB, readBodyCapped } from '@/lib/http/read-body';
import { cookieValue, SESSIONS_COOKIE, sessionIdsOf, sessionsCookie, withSession } from './browser-sessions';
import { isCheckoutOutcome } from './order-session';
import type { Sandbox } from '../sandbox';

/** The form has one field; nothing larger is read. */
export const OUTCOME_BODY_LIMIT = 4 * KIB;

export interface OutcomePostDeps {
  sandbox: Pick<Sandbox, 'completeCheckout'>;
  /** The shop's origin: a POST whose `Origin` header names another is refused. */
  shopOrigin: string;
  /** Attributes of the cookie listing this browser's sessions (browser-sessions.ts). */
  cookie: { secure: boolean; maxAgeSeconds: number };
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * A hosted-page button: the form posts `outcome=approve|decline|soft-decline|cancel` (urlencoded), and
 * the answer is a 303 to the shop's success or cancel URL (a full navigation, as when Smartpay's own
 * checkout sends the shopper back), or back to the page after a soft decline. Whoever holds the
 * session id may do this; it acts as the session's owner. The session id is added to this browser's
 * cookie. A cross-site POST is refused (403), a body over 4 KiB too (413).
 */
export async function answerOutcomePost(request: Request, id: string, deps: OutcomePostDeps): Promise<Response> {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== deps.shopOrigin) return plain(403, 'Cross-site request refused');
  const read = await readBodyCapped(request, OUTCOME_BODY_LIMIT);
  if (read.tooLarge) return plain(413, 'Request body too large');
  const outcome = new URLSearchParams(read.text).get('outcome');
  if (!isCheckoutOutcome(outcome)) return plain(400, 'Unknown outcome');
  const result = await deps.sandbox.completeCheckout(id, outcome);
  if (!result) return plain(404, 'Not found');
  const page = `/sandbox/checkout/${encodeURIComponent(id)}${result.softDeclined ? '?result=soft-declined' : ''}`;
  const sessions = withSession(sessionIdsOf(cookieValue(request.headers.get('cookie'), SESSIONS_COOKIE)), id);
  return new Response(null, {
    status: 303,
    headers: { Location: result.redirectTo ?? page, 'Set-Cookie': sessionsCookie(sessions, deps.cookie) },
  });
}
