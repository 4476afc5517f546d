import { describe, expect, it } from 'vitest';
import { cookieValue, MAX_BROWSER_SESSIONS, SESSIONS_COOKIE, sessionIdsOf, sessionsCookie, withSession } from './browser-sessions';
import { answerOutcomePost, OUTCOME_BODY_LIMIT } from './outcome-post';
import { APP_URL, call, createSession, newSandbox, OTHER_KEY, validSessionBody } from '../testing/helpers';

const deps = (sandbox: ReturnType<typeof newSandbox>) => ({ sandbox, shopOrigin: APP_URL, cookie: { secure: false, maxAgeSeconds: 86_400 } });

function post(id: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`${APP_URL}/sandbox/checkout/${id}/outcome`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

const sessionId = (n: number) => `checkout_test_${String(n).padStart(22, '0')}`;

describe('the hosted page’s outcome route', () => {
  it('approves and redirects to the success URL, adding the session to the browser’s cookie', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const earlier = sessionId(1);
    const response = await answerOutcomePost(post(session.id, 'outcome=approve', { Origin: APP_URL, Cookie: `a=b; ${SESSIONS_COOKIE}=${earlier}` }), session.id, deps(sandbox));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(session.successUrl);
    expect(response.headers.get('set-cookie')).toBe(`${SESSIONS_COOKIE}=${earlier}.${session.id}; Path=/sandbox; Max-Age=86400; HttpOnly; SameSite=Lax`);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('succeeded');
  });

  it('acts as the session’s owner for any visitor', async () => {
    const sandbox = newSandbox();
    const theirs = (await call(sandbox, 'POST', '/checkout-sessions', { key: OTHER_KEY, body: validSessionBody() })).body;
    const response = await answerOutcomePost(post(theirs.id, 'outcome=decline'), theirs.id, deps(sandbox));
    expect(response.headers.get('location')).toBe(theirs.cancelUrl);
    expect((await call(sandbox, 'GET', `/orders/${theirs.order.id}`, { key: OTHER_KEY })).body.status).toBe('rejected');
  });

  it('sends a soft decline back to the page, and sets a Secure cookie on https', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const response = await answerOutcomePost(post(session.id, 'outcome=soft-decline'), session.id, {
      ...deps(sandbox),
      cookie: { secure: true, maxAgeSeconds: 3600 },
    });
    expect(response.headers.get('location')).toBe(`/sandbox/checkout/${session.id}?result=soft-declined`);
    expect(response.headers.get('set-cookie')).toMatch(/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('refuses a cross-site POST, an oversize body, an unknown outcome and an unknown session', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const crossSite = await answerOutcomePost(post(session.id, 'outcome=approve', { Origin: 'https://evil.example' }), session.id, deps(sandbox));
    expect(crossSite.status).toBe(403);
    const opaque = await answerOutcomePost(post(session.id, 'outcome=approve', { Origin: 'null' }), session.id, deps(sandbox));
    expect(opaque.status).toBe(403);
    const big = `outcome=approve&pad=${'x'.repeat(OUTCOME_BODY_LIMIT)}`;
    expect((await answerOutcomePost(post(session.id, big), session.id, deps(sandbox))).status).toBe(413);
    const declared = post(session.id, 'outcome=approve', { 'Content-Length': String(OUTCOME_BODY_LIMIT + 1) });
    expect((await answerOutcomePost(declared, session.id, deps(sandbox))).status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('outcome=approve&'));
      },
    });
    expect((await answerOutcomePost(post(session.id, endless), session.id, deps(sandbox))).status).toBe(413);
    expect(pulled).toBeLessThan(OUTCOME_BODY_LIMIT / 16 + 5);
    expect((await answerOutcomePost(post(session.id, 'outcome=maybe'), session.id, deps(sandbox))).status).toBe(400);
    expect((await answerOutcomePost(post(sessionId(2), 'outcome=approve'), sessionId(2), deps(sandbox))).status).toBe(404);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('requires_authorization');
  });
});

describe('the browser’s session cookie', () => {
  it('keeps the last 20 distinct session ids and ignores anything else', () => {
    expect(sessionIdsOf(undefined)).toEqual([]);
    expect(sessionIdsOf(`${sessionId(1)}.junk.${sessionId(1)}.order_test_x.${sessionId(2)}`)).toEqual([sessionId(1), sessionId(2)]);
    let ids: string[] = [];
    for (let n = 0; n < 25; n += 1) ids = withSession(ids, sessionId(n));
    expect(ids).toHaveLength(MAX_BROWSER_SESSIONS);
    expect(ids[0]).toBe(sessionId(5));
    expect(withSession(ids, sessionId(10)).at(-1)).toBe(sessionId(10));
    expect(withSession(ids, sessionId(10))).toHaveLength(MAX_BROWSER_SESSIONS);
    const many = Array.from({ length: 30 }, (_, n) => sessionId(n)).join('.');
    expect(sessionIdsOf(many)).toEqual(Array.from({ length: 20 }, (_, n) => sessionId(n + 10)));
  });

  it('reads one cookie from a Cookie header and writes it for /sandbox only', () => {
    expect(cookieValue('a=1; sandbox_sessions=x.y; b=2', SESSIONS_COOKIE)).toBe('x.y');
    expect(cookieValue('xsandbox_sessions=1', SESSIONS_COOKIE)).toBeUndefined();
    expect(cookieValue(null, SESSIONS_COOKIE)).toBeUndefined();
    expect(sessionsCookie([sessionId(1)], { secure: false, maxAgeSeconds: 60 })).toBe(
      `sandbox_sessions=${sessionId(1)}; Path=/sandbox; Max-Age=60; HttpOnly; SameSite=Lax`,
    );
  });
});
