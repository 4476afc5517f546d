import { describe, expect, it } from 'vitest';
import { APP_URL, call, newSandbox, validSessionBody } from '../testing/helpers';

const ELSEWHERE = 'https://elsewhere.example';
const restricted = () => newSandbox({ allowedOrigin: APP_URL });
const token = (urls: Record<string, string>) => ({ mode: 'token', successUrl: `${APP_URL}/ok`, cancelUrl: `${APP_URL}/no`, ...urls });

describe('URLs on the shop’s origin only (allowedOrigin)', () => {
  it('refuses success and cancel URLs on another origin, in normal and token mode, and stores nothing', async () => {
    const sandbox = restricted();
    const normal = await call(sandbox, 'POST', '/checkout-sessions', {
      body: { ...validSessionBody(), successUrl: `${ELSEWHERE}/ok`, cancelUrl: `${APP_URL.replace('http:', 'https:')}/no` },
    });
    expect(normal.status).toBe(400);
    expect(normal.body).toMatchObject({ statusCode: 400, errorCode: 'request.invalid' });
    expect(normal.body.message).toContain(APP_URL);
    expect(normal.body.details.map((d: { path: string }) => d.path)).toEqual(['successUrl', 'cancelUrl']);
    expect(normal.body.details[0].message).toContain(`must be a URL on ${APP_URL}`);

    const tokenMode = await call(sandbox, 'POST', '/checkout-sessions', { body: token({ cancelUrl: `${ELSEWHERE}/no` }) });
    expect(tokenMode.status).toBe(400);
    expect(tokenMode.body.details).toEqual([{ path: 'cancelUrl', message: expect.stringContaining(APP_URL) }]);

    const state = await sandbox.snapshot();
    expect([state.checkoutSessions, state.orders, state.tokens, state.events]).toEqual([[], [], [], []]);
  });

  it('refuses webhook endpoint URLs on another origin, on create and update', async () => {
    const sandbox = restricted();
    const created = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${ELSEWHERE}/hook` } });
    expect(created.status).toBe(400);
    expect(created.body.details).toEqual([{ path: 'url', message: expect.stringContaining(APP_URL) }]);
    const mine = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${APP_URL}/hook` } });
    expect(mine.status).toBe(200);
    const moved = await call(sandbox, 'PATCH', `/webhook-endpoints/${mine.body.id}`, { body: { url: 'http://169.254.169.254/latest' } });
    expect(moved.status).toBe(400);
    expect(moved.body.details[0].path).toBe('url');
    expect((await call(sandbox, 'GET', `/webhook-endpoints/${mine.body.id}`)).body.url).toBe(`${APP_URL}/hook`);
    const renamed = await call(sandbox, 'PATCH', `/webhook-endpoints/${mine.body.id}`, { body: { description: 'no url, no check' } });
    expect(renamed.status).toBe(200);
  });

  it('allows URLs on the shop’s origin', async () => {
    const sandbox = restricted();
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody() })).status).toBe(200);
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body: token({}) })).status).toBe(200);
    const endpoint = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${APP_URL}/elsewhere/hook?x=1` } });
    expect(endpoint.status).toBe(200);
    expect((await call(sandbox, 'PATCH', `/webhook-endpoints/${endpoint.body.id}`, { body: { url: `${APP_URL}/moved` } })).status).toBe(200);
  });

  it('allows any http(s) URL when unset', async () => {
    const sandbox = newSandbox();
    const body = { ...validSessionBody(), successUrl: `${ELSEWHERE}/ok`, cancelUrl: `${ELSEWHERE}/no` };
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body })).status).toBe(200);
    expect((await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${ELSEWHERE}/hook` } })).status).toBe(200);
  });
});
