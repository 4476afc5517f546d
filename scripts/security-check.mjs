#!/usr/bin/env node
// The attacks once found against the shop, tried again against production builds, as a stranger with
// curl would (npm test runs this):
//
//   node scripts/with-postgres.mjs node scripts/security-check.mjs
//
// Three servers on one throwaway PostgreSQL:
//   A and B  the public demo (no key), two instances of one deployment sharing a database, behind A's address;
//   C        a shop with a sk_test_… key whose API base is A's sandbox, an https APP_URL and a merchant
//            password, on a database of its own, with no COOKIE_SECRET and no SMARTPAY_WEBHOOK_SECRET.
// Each check prints ok or FAIL; the script exits 1 if any failed.
import { createHmac, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import basex from 'base-x';
import pg from 'pg';
import { request } from './lib/http.mjs';
import { buildForPostgresRun, freePort, installCleanup, sandboxEnv, ShopServer } from './lib/shop-server.mjs';
import { Shopper, shopperDetails } from './lib/shopper.mjs';
import { Checks } from './lib/checks.mjs';

// The development values printed in lib/secrets.ts: they must protect nothing in a production build.
const DEV_WEBHOOK_SECRET = 'SandboxWebhookSigningSecret0000000000000';
const DEV_COOKIE_SECRET = 'development-only-cookie-secret-change-me-0000';
const STRANGER_KEY = `sk_test_Stranger${randomBytes(6).toString('hex')}`;
const MERCHANT_PASSWORD = 'a-merchant-password-for-the-check';
const DATABASE_URL = process.env.TEST_DATABASE_URL;

const checks = new Checks();
const { check } = checks;

const base62 = basex('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const webhookSignature = (secret, timestamp, body) =>
  createHmac('sha256', Buffer.from(base62.decode(secret))).update(`${timestamp}.${body}`).digest('hex');
const signedCookie = (value, secret) => {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
};
const api = (origin, pathname, { method = 'GET', key = STRANGER_KEY, body, headers = {} } = {}) =>
  request(`${origin}/sandbox/v1${pathname}`, {
    method,
    headers: { authorization: `Basic ${key}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
/** Resident memory of a server's whole process group, in MB. */
const rssMb = (server) => {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(server.child.pid)], { encoding: 'utf8' });
  return Math.round(out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024);
};
/** POSTs `megabytes` of zeros, streamed (chunked) or with a Content-Length, and returns the status and time. */
async function hugePost(url, megabytes, { declared, headers = {} }) {
  const chunk = new Uint8Array(1024 * 1024);
  let sent = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (sent >= megabytes) return controller.close();
      sent++;
      controller.enqueue(chunk);
    },
  });
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': String(megabytes * 1024 * 1024) } : {}), ...headers },
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status, ms: Math.round(performance.now() - started), sentMb: sent };
  } catch (error) {
    return { status: `error ${error.cause?.code ?? error.name}`, ms: Math.round(performance.now() - started), sentMb: sent };
  }
}
const headerChecks = (response, { https }) => {
  const csp = response.headers.get('content-security-policy') ?? '';
  return (
    /frame-ancestors 'none'/.test(csp) &&
    /form-action /.test(csp) &&
    /default-src 'self'/.test(csp) &&
    response.headers.get('x-frame-options') === 'DENY' &&
    response.headers.get('x-content-type-options') === 'nosniff' &&
    response.headers.get('referrer-policy') === 'strict-origin-when-cross-origin' &&
    Boolean(response.headers.get('permissions-policy')) &&
    Boolean(response.headers.get('strict-transport-security')) === https
  );
};

installCleanup();
let exitCode = 1;
const servers = [];
let pool;
let poolC;
let build;
try {
  build = await buildForPostgresRun();
  pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  // An idle connection that the server closes (the database dropped at the end) must not end this script.
  pool.on('error', () => undefined);
  await pool.query('DROP DATABASE IF EXISTS security_c');
  await pool.query('CREATE DATABASE security_c');
  const databaseC = DATABASE_URL.replace(/\/[^/]*$/, '/security_c');
  poolC = new pg.Pool({ connectionString: databaseC, max: 2 });
  poolC.on('error', () => undefined);

  const [portA, portB, portC] = [await freePort(), await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${portA}`;
  const make = (name, port, env) =>
    new ShopServer({ name, port, env, logFile: path.join(os.tmpdir(), `security-${name.replace(/\W/g, '')}-${port}.log`), projectDir: build.dir });
  const a = make('A', portA, sandboxEnv({ APP_URL: appUrl, PORT: String(portA), DATABASE_URL }));
  const b = make('B', portB, sandboxEnv({ APP_URL: appUrl, PORT: String(portB), DATABASE_URL }));
  const c = make(
    'C',
    portC,
    sandboxEnv({
      APP_URL: 'https://shop.example.test',
      PORT: String(portC),
      DATABASE_URL: databaseC,
      SMARTPAY_SECRET_KEY: `sk_test_ShopC${randomBytes(8).toString('hex')}`,
      SMARTPAY_API_BASE: `${appUrl}/sandbox/v1`,
      MERCHANT_PASSWORD,
    }),
  );
  servers.push(a, b, c);
  await Promise.all(servers.map((s) => s.start()));
  console.log(`A ${a.origin} and B ${b.origin}: the public demo on one PostgreSQL; C ${c.origin}: a test key on A's sandbox`);

  console.log('an order cannot be rewritten by another browser that knows its attempt:');
  for (const [label, victimOrigin, attackerOrigin, db] of [
    ['A/B', a.origin, b.origin, pool],
    ['C', c.origin, c.origin, poolC],
  ]) {
    const victim = new Shopper(101, victimOrigin);
    await victim.openCheckout();
    const attacker = new Shopper(102, attackerOrigin);
    await attacker.openCheckout();
    const stolen = victim.form.controls.find((control) => control.name === 'attempt').value;
    attacker.useForm({
      ...attacker.form,
      attemptId: victim.form.attemptId,
      controls: attacker.form.controls.map((control) => (control.name === 'attempt' ? { ...control, value: stolen } : control)),
    });
    await attacker.submitCheckout().catch(() => undefined);
    await victim.submitCheckout().catch(() => undefined);
    const { rows } = await db.query(`SELECT reference, customer->>'email' AS email FROM orders WHERE customer->>'email' = ANY($1)`, [
      [shopperDetails(101).email, shopperDetails(102).email],
    ]);
    const victimRow = rows.find((row) => row.reference === victim.reference);
    const attackerRows = rows.filter((row) => row.email === shopperDetails(102).email);
    check(
      victimRow?.email === shopperDetails(101).email && attackerRows.length === 1 && attackerRows[0].reference !== victim.reference,
      `${label}: ${victim.reference} holds the victim's e-mail (${victimRow?.email}); the attacker's post became ${attackerRows.map((r) => r.reference).join(', ')}`,
    );
  }

  console.log('the public demo shows a stranger nothing of other shoppers:');
  const buyer = new Shopper(201, a.origin);
  await buyer.openCheckout();
  const { sessionId } = await buyer.submitCheckout();
  const outcome = await request(`${a.origin}/sandbox/checkout/${sessionId}/outcome`, {
    method: 'POST',
    jar: buyer.jar,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'outcome=approve',
  });
  check(outcome.status === 303 && /\/success\?ref=/.test(outcome.headers.get('location') ?? ''), `the buyer approved on the hosted page: ${outcome.status} → ${outcome.headers.get('location')}`);
  const [buyerOrder] = (await pool.query('SELECT id, smartpay_order_id FROM orders WHERE reference = $1', [buyer.reference])).rows;
  const buyerEmail = shopperDetails(201).email;
  for (const server of [a, b]) {
    const list = await request(`${server.origin}/orders`);
    const html = await list.text();
    check(list.status === 200 && !html.includes(buyerEmail) && !html.includes(buyer.reference) && html.includes('orders-visitor-note'), `${server.name} /orders to a stranger: ${list.status}, no other shopper's order`);
    const detail = await request(`${server.origin}/orders/${buyerOrder.id}`);
    check(detail.status === 404, `${server.name} /orders/<the buyer's order> to a stranger: ${detail.status}`);
    const dashboard = await request(`${server.origin}/sandbox`);
    const dashboardHtml = await dashboard.text();
    check(!dashboardHtml.includes(sessionId) && !dashboardHtml.includes(buyerOrder.smartpay_order_id), `${server.name} /sandbox to a stranger: ${dashboard.status}, none of the buyer's sandbox objects`);
  }
  const own = await request(`${a.origin}/orders`, { jar: buyer.jar });
  check((await own.text()).includes(buyer.reference), `the buyer's own browser sees its order on /orders`);
  const ownDashboard = await (await request(`${a.origin}/sandbox`, { jar: buyer.jar })).text();
  check(
    ownDashboard.includes(sessionId) && ownDashboard.includes(buyerOrder.smartpay_order_id) && ownDashboard.includes('order.authorized'),
    `the buyer's own browser sees its session, its order and the order's event on /sandbox`,
  );

  console.log('sandbox objects belong to the key that made them:');
  const sessions = await api(a.origin, '/checkout-sessions');
  const sessionsBody = await sessions.json();
  check(sessions.status === 200 && sessionsBody.data?.length === 0, `GET /checkout-sessions with a made-up key: ${sessions.status}, ${sessionsBody.data?.length} sessions`);
  const foreignOrder = await api(b.origin, `/orders/${buyerOrder.smartpay_order_id}`);
  check(foreignOrder.status === 404, `GET /orders/<the shop's order> with a made-up key: ${foreignOrder.status}`);
  const foreignSession = await api(a.origin, `/checkout-sessions/${sessionId}`);
  check(foreignSession.status === 404, `GET /checkout-sessions/<the shop's session> with a made-up key: ${foreignSession.status}`);

  console.log('URLs the sandbox posts or redirects to stay on the shop:');
  for (const server of [a, b]) {
    const hook = await api(server.origin, '/webhook-endpoints', { method: 'POST', body: { url: 'https://evil.example/hook' } });
    check(hook.status === 400 && (await hook.json()).errorCode === 'request.invalid', `${server.name} POST /webhook-endpoints to https://evil.example: ${hook.status}`);
  }
  const phishing = await api(a.origin, '/checkout-sessions', {
    method: 'POST',
    body: {
      amount: 1000,
      currency: 'JPY',
      items: [{ name: 'x', amount: 1000, currency: 'JPY', quantity: 1 }],
      shippingInfo: { address: { line1: '1-2-3', locality: '渋谷区', postalCode: '150-0001', country: 'JP' }, feeAmount: 0, feeCurrency: 'JPY' },
      customerInfo: {},
      successUrl: 'https://evil.example/phish',
      cancelUrl: `${appUrl}/cancel`,
    },
  });
  check(phishing.status === 400, `POST /checkout-sessions with successUrl https://evil.example/phish: ${phishing.status}`);

  console.log('nothing is signed with a secret printed in the source:');
  const [payment] = (await pool.query(`SELECT id FROM sandbox_records WHERE kind = 'payment' AND data->>'order' = $1`, [buyerOrder.smartpay_order_id])).rows;
  const forgedEvent = JSON.stringify({
    id: `evt_test_${randomBytes(8).toString('hex')}`,
    object: 'event',
    createdAt: Date.now(),
    test: true,
    eventData: { type: 'refund.created', version: '2022-02-18', data: { id: 'refund_test_forged', object: 'refund', payment: payment?.id, amount: 999_999 } },
  });
  const timestamp = String(Date.now());
  const forged = await request(`${a.origin}/api/webhooks/smartpay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'smartpay-signature': webhookSignature(DEV_WEBHOOK_SECRET, timestamp, forgedEvent), 'smartpay-signature-timestamp': timestamp },
    body: forgedEvent,
  });
  const [afterForgery] = (await pool.query('SELECT refunded_amount FROM orders WHERE id = $1', [buyerOrder.id])).rows;
  check(forged.status === 400 && afterForgery.refunded_amount === 0, `a ¥999,999 refund webhook signed with the development secret: ${forged.status}, refunded ${afterForgery.refunded_amount}`);
  const [cOrder] = (await poolC.query('SELECT reference FROM orders ORDER BY created_at LIMIT 1')).rows;
  const [{ value: cookieSecretC } = {}] = (await poolC.query(`SELECT value FROM shop_secrets WHERE name = 'cookie_secret'`)).rows;
  const successWith = async (secret) => {
    const cookie = `checkouts=${signedCookie([{ reference: cOrder.reference, createdAt: Date.now() }], secret)}`;
    const response = await request(`${c.origin}/success?ref=${cOrder.reference}`, { headers: { cookie } });
    return (await response.text()).match(/data-testid="(success-[a-z-]+)"/)?.[1];
  };
  const withDevSecret = await successWith(DEV_COOKIE_SECRET);
  const withOwnSecret = cookieSecretC ? await successWith(cookieSecretC) : undefined;
  check(
    withDevSecret === 'success-not-found' && withOwnSecret !== undefined && withOwnSecret !== 'success-not-found',
    `C (test key, no COOKIE_SECRET): a cookie signed with the development secret shows ${withDevSecret}; one signed with C's generated secret shows ${withOwnSecret}`,
  );

  console.log('bodies are capped before they are read:');
  for (const [what, url, headers] of [
    ['webhook', `${a.origin}/api/webhooks/smartpay`, { 'smartpay-signature': '0'.repeat(64), 'smartpay-signature-timestamp': String(Date.now()) }],
    ['sandbox API', `${a.origin}/sandbox/v1/checkout-sessions`, { authorization: `Basic ${STRANGER_KEY}` }],
  ]) {
    for (const declared of [false, true]) {
      const before = rssMb(a);
      const result = await hugePost(url, 500, { declared, headers });
      const after = rssMb(a);
      check(
        result.status === 413 && after - before < 100,
        `${what}, 500 MB ${declared ? 'with Content-Length' : 'streamed'}: ${result.status} in ${result.ms} ms (${result.sentMb} MB sent); server memory ${before} → ${after} MB`,
      );
    }
  }

  console.log('paths written another way lead where their plain form does:');
  const merchantAuth = { authorization: `Basic ${Buffer.from(`merchant:${MERCHANT_PASSWORD}`).toString('base64')}` };
  for (const [server, pathname, expected, headers = {}] of [
    // Next.js routes /%73andbox as /sandbox and /%6Frders as /orders: never past the password.
    [c, '/%6Frders', { status: 308, location: '/orders' }],
    [c, '/%6frders/%31', { status: 308, location: '/orders/1' }],
    [c, '/%6Frders', { status: 308, location: '/orders' }, merchantAuth],
    [a, '/%73andbox', { status: 308, location: '/sandbox' }],
    [a, '/%63heckout?x=1', { status: 308, location: '/checkout?x=1' }],
    // The editions' internal segment is no address of its own: on C's shop it would show the sandbox's banner.
    // It is answered with the shop's not-found page, without the sandbox's banner, with the shop's headers.
    [c, '/ja-sandbox/checkout', { status: 404, page: 'not-found', not: 'sandbox-banner' }],
    [a, '/en-sandbox', { status: 404, page: 'not-found', not: 'sandbox-banner' }],
    [c, '/%6Aa-sandbox/checkout', { status: 308, location: '/ja-sandbox/checkout' }],
    // Malformed input is a client's error, never a 500.
    [a, '/%E3%81', { status: 400 }],
    [a, '/api/postal-codes/%25', { status: 404 }],
    [a, `/orders/${'-'.repeat(36)}`, { status: 404 }],
  ]) {
    const response = await request(`${server.origin}${pathname}`, { headers });
    const location = response.headers.get('location');
    const to = location ? new URL(location, server.origin) : undefined;
    const where = to ? `${to.pathname}${to.search}` : undefined;
    const body = await response.text();
    const shows = (testId) => body.includes(`data-testid="${testId}"`);
    const guarded = /frame-ancestors 'none'/.test(response.headers.get('content-security-policy') ?? '');
    const page = expected.page ? (shows(expected.page) && !shows(expected.not) && guarded ? `, the ${expected.page} page with its CSP` : ', another page or no CSP') : '';
    check(
      response.status === expected.status && where === expected.location && !page.includes('another page'),
      `${server.name} ${pathname}${headers.authorization ? ' (signed in)' : ''}: ${response.status}${where ? ` → ${where}` : ''}${page}`,
    );
  }

  console.log('merchant sign-in on C is limited:');
  const wrong = `Basic ${Buffer.from('merchant:wrong-password').toString('base64')}`;
  const statuses = [];
  for (let i = 0; i < 12; i++) {
    // After the fifth failure its count is raised in the database, so that the block the sixth one starts
    // lasts minutes instead of the first 1 s: the seven requests that follow need not fit into 1 s on a slow
    // machine. (lib/rate-limits.db.test.ts checks the 1 s, 2 s, 4 s … of the blocks.)
    if (i === 5) await poolC.query(`UPDATE rate_limits SET points = 14 WHERE key LIKE 'sign-in-failures%'`);
    statuses.push((await request(`${c.origin}/orders`, { headers: { authorization: wrong } })).status);
  }
  const blocked = await request(`${c.origin}/orders`, { headers: merchantAuth });
  check(
    statuses.slice(0, 6).every((s) => s === 401) && statuses.slice(6).every((s) => s === 429) && blocked.status === 429 && Number(blocked.headers.get('retry-after')) > 0,
    `12 wrong passwords: ${statuses.join(' ')}; then the right one while blocked: ${blocked.status}, Retry-After ${blocked.headers.get('retry-after')}`,
  );
  const signInLines = readFileSync(c.logFile, 'utf8').split('\n').filter((line) => line.includes('failed sign-in from'));
  check(signInLines.length >= 6, `C logged each failed sign-in (${signInLines.length} lines), e.g. ${signInLines.at(-1)?.trim()}`);

  console.log('every answer carries the security headers:');
  // With the edition cookie, the catalog is served by next.config.js without proxy.ts; behind a TLS proxy, C's
  // browsers say https with X-Forwarded-Proto.
  const returning = (edition, extra = {}) => ({ cookie: `shopEdition=${edition}`, ...extra });
  for (const [server, pathname, https, headers = {}] of [
    [a, '/', false],
    [a, '/', false, returning('ja-sandbox')],
    [a, '/products/roasted-hojicha', false, returning('en-sandbox')],
    [a, '/checkout', false],
    [a, `/sandbox/checkout/${sessionId}`, false],
    [b, '/orders', false],
    [c, '/', true],
    [c, '/category/tea', true, returning('ja', { 'x-forwarded-proto': 'https' })],
    [c, '/checkout', true],
  ]) {
    const response = await request(`${server.origin}${pathname}`, { headers });
    const served = headers.cookie ? ` (${headers.cookie}: ${response.headers.get('x-middleware-rewrite') ? 'through proxy.ts' : 'without proxy.ts'})` : '';
    check(
      headerChecks(response, { https }) && (!headers.cookie || !response.headers.get('x-middleware-rewrite')),
      `${server.name} ${pathname}${served}: ${response.status} with CSP (frame-ancestors 'none', form-action), X-Frame-Options, nosniff, Referrer-Policy, Permissions-Policy${https ? ', HSTS' : ', no HSTS on http'}`,
    );
  }
  console.log('a page that shows the edition of the browser\'s cookies is kept by no shared cache:');
  // Next.js would send prerendered pages with s-maxage=31536000: a CDN would then serve one visitor's language
  // (or the sandbox's banner) to everyone at that URL. Pages rendered per request keep Next.js's no-store.
  // A page answered without no-store must be one Next.js served from its prerender (x-nextjs-prerender), so
  // proxy.ts's list of pages rendered per request cannot drift from what the pages do.
  for (const [server, pathname, headers = {}] of [
    [a, '/'],
    [a, '/', returning('en-sandbox')],
    // A client-side navigation's request for the page's RSC payload (`_rsc` without router state).
    [a, '/?_rsc', { rsc: '1' }],
    [a, '/products/roasted-hojicha'],
    [a, '/products/roasted-hojicha', returning('ja-sandbox')],
    [a, '/category/tea', returning('en-sandbox')],
    [c, '/category/tea', returning('ja', { 'x-forwarded-proto': 'https' })],
    [a, '/legal/privacy'],
    [a, '/legal/tokushoho'],
    [a, '/contact'],
    [a, '/cart'],
    [a, '/checkout'],
    [a, `/success?ref=${encodeURIComponent(buyer.reference)}`, { cookie: buyer.jar.header() }],
    [a, '/cancel'],
  ]) {
    const response = await request(`${server.origin}${pathname}`, { headers });
    const cacheControl = response.headers.get('cache-control') ?? '';
    // Next.js sends x-nextjs-prerender twice on some answers, which fetch joins into "1, 1".
    const prerendered = /^1(?:, 1)*$/.test(response.headers.get('x-nextjs-prerender') ?? '');
    const kept = /\bno-store\b/.test(cacheControl) || prerendered;
    check(
      response.status === 200 && /\bprivate\b/.test(cacheControl) && !/s-maxage|public/.test(cacheControl) && kept,
      `${server.name} ${pathname}${headers.cookie ? ` (${headers.cookie.length > 40 ? 'the buyer\'s cookies' : headers.cookie})` : ''}${headers.rsc ? ' (RSC)' : ''}: Cache-Control ${cacheControl}${kept && !/no-store/.test(cacheControl) ? ', prerendered' : ''}`,
    );
  }
  // The servers run `next start -H 127.0.0.1`: a shop page must be one request inside the server, its
  // rewrite to the prerendered edition relative, never a second HTTP request to itself (next.config.js).
  const rewrites = await Promise.all([a, c].map(async (server) => (await request(`${server.origin}/products/roasted-hojicha`)).headers.get('x-middleware-rewrite')));
  check(rewrites.every((r) => r?.startsWith('/')), `shop pages are rewritten inside the server: ${rewrites.join(', ')}`);
  const apiAnswer = await api(a.origin, '/checkout-sessions');
  check(apiAnswer.headers.get('x-content-type-options') === 'nosniff' && apiAnswer.headers.get('x-frame-options') === 'DENY', `A sandbox API answer: nosniff, X-Frame-Options DENY`);
  exitCode = checks.allHeld ? 0 : 1;
} catch (error) {
  check(false, `error: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await poolC?.end().catch(() => undefined);
  await pool?.query('DROP DATABASE IF EXISTS security_c').catch(() => undefined);
  await pool?.end().catch(() => undefined);
  build?.remove();
}
for (const server of servers) if (server.errorLines.length) console.log(`${server.name} log: ${server.logFile}`);
console.log(checks.summary());
process.exit(exitCode);
