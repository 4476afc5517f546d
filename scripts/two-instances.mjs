#!/usr/bin/env node
// Two shop instances sharing one PostgreSQL, behind one public address (that of instance B):
//
//   node scripts/with-postgres.mjs node scripts/two-instances.mjs
//
// Both run `next start` in sandbox mode with APP_URL = B's address, so the sandbox API, the hosted page and
// the webhook deliveries go to B. A shopper checks out on A; the session is approved on the hosted page
// (served by B); B's webhook settles the order; then the order is read through A and through B.
// Then what the instances must share through the database: the rate limits (checkout submissions of one
// browser, calls of one sandbox key, failed merchant sign-ins of one address, each spread over both
// instances) and the purge of the public demo's old data, which both instances run.
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildForPostgresRun, freePort, installCleanup, sandboxEnv, ShopServer, sleep } from './lib/shop-server.mjs';
import { request } from './lib/http.mjs';
import { approveSession, Shopper } from './lib/shopper.mjs';
import { Checks } from './lib/checks.mjs';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const SETTLE_MS = 30_000;
// Small limits, so that a few requests spread over both instances reach them.
const LIMITS = { CHECKOUT_LIMIT_PER_BROWSER: '3', SANDBOX_RATE_LIMIT_PER_MINUTE: '40' };
// Long enough for the checks above the purge; the purge check then ages the rows by hand.
const RETENTION_HOURS = 0.02;
const MERCHANT_PASSWORD = 'two-instances-merchant-password';

const checks = new Checks();
const { check } = checks;

installCleanup();

let exitCode = 1;
const servers = [];
let pool;
let build;
try {
  build = await buildForPostgresRun();
  const buildId = build.buildId;
  const portA = await freePort();
  let portB = await freePort();
  while (portB === portA) portB = await freePort();
  const appUrl = `http://127.0.0.1:${portB}`;
  const make = (name, port) =>
    new ShopServer({
      name,
      port,
      env: sandboxEnv({ APP_URL: appUrl, PORT: String(port), DATABASE_URL, ...LIMITS, DEMO_RETENTION_HOURS: String(RETENTION_HOURS), MERCHANT_PASSWORD }),
      logFile: path.join(os.tmpdir(), `two-instances-${name.replace(/\W/g, '')}-${port}.log`),
      projectDir: build.dir,
    });
  const a = make('instance A', portA);
  const b = make('instance B', portB);
  servers.push(a, b);
  console.log(`build ${buildId} (private copy of .next); one PostgreSQL; APP_URL=${appUrl} for both`);
  console.log(`  instance A ${a.origin} (log ${a.logFile})`);
  console.log(`  instance B ${b.origin} (log ${b.logFile})`);
  await Promise.all([a.start(), b.start()]);
  pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });

  console.log('checks:');
  const shopper = new Shopper(1, a.origin);
  await shopper.openCheckout();
  const result = await shopper.submitCheckout();
  check(new URL(result.location).origin === appUrl, `checkout on A (${shopper.reference}) answered 303 to B's hosted page ${result.location}`);

  const before = await pool.query('SELECT status, smartpay_session_id FROM orders WHERE reference = $1', [shopper.reference]);
  check(before.rows.length === 1 && before.rows[0].smartpay_session_id === result.sessionId, `one order row in the shared database, holding session ${result.sessionId}`);

  const approval = await approveSession(b.origin, result.sessionId, { pool });
  check(approval.order?.status === 'succeeded', `approved on B's hosted page; sandbox order ${approval.order?.id} is ${approval.order?.status}`);

  // The webhook alone must settle it: poll the database, not the status route (which would ask Smartpay itself).
  const deadline = Date.now() + SETTLE_MS;
  let row;
  while (Date.now() < deadline) {
    [row] = (await pool.query('SELECT id, status FROM orders WHERE reference = $1', [shopper.reference])).rows;
    if (row?.status === 'succeeded') break;
    await sleep(200);
  }
  check(row?.status === 'succeeded', `order settled in the database within ${SETTLE_MS / 1000} s: ${row?.status}`);
  const changes = row ? (await pool.query('SELECT to_status, source FROM order_status_changes WHERE order_id = $1 ORDER BY id', [row.id])).rows : [];
  check(
    changes.some((c) => c.to_status === 'succeeded' && c.source === 'webhook'),
    `moved to succeeded by a webhook (history: ${changes.map((c) => `${c.to_status} by ${c.source}`).join(', ')})`,
  );
  const deliveriesQuery = () =>
    pool.query(
      `SELECT d.url, d.status, d.event_type FROM sandbox_webhook_deliveries d
         JOIN sandbox_records e ON e.kind = 'event' AND e.id = d.event_id
        WHERE $1 IN (e.data->'eventData'->'data'->>'id', e.data->'eventData'->'data'->>'order') ORDER BY d.seq`,
      [approval.order?.id],
    );
  let deliveries = (await deliveriesQuery()).rows;
  for (let i = 0; i < 50 && deliveries.some((d) => d.status === 'pending'); i++) {
    await sleep(200);
    deliveries = (await deliveriesQuery()).rows;
  }
  check(
    deliveries.length > 0 && deliveries.every((d) => d.url === `${appUrl}/api/webhooks/smartpay` && d.status === 'succeeded'),
    `webhook deliveries to B: ${deliveries.map((d) => `${d.event_type} ${d.status}`).join(', ') || 'none'}`,
  );

  for (const server of [a, b]) {
    const status = await shopper.status(server.origin);
    check(
      status.httpStatus === 200 && status.reference === shopper.reference && status.status === 'succeeded' && status.final === true,
      `status route through ${server.name}: ${status.httpStatus} ${JSON.stringify({ reference: status.reference, status: status.status, final: status.final })}`,
    );
  }

  for (const server of [a, b]) {
    const health = await request(`${server.origin}/api/health`);
    const body = await health.json();
    check(
      health.status === 200 && body.status === 'ok' && body.database === 'postgres' && body.migrations === 'current',
      `health of ${server.name}: ${health.status} ${JSON.stringify(body)}`,
    );
  }

  console.log('rate limits hold across the instances:');
  const busy = new Shopper(2, a.origin);
  await busy.openCheckout();
  const submissions = [];
  for (const server of [a, b, a, b]) {
    busy.origin = server.origin;
    submissions.push(await busy.submitCheckout().then(() => 'redirected', (failure) => failure.formError ?? failure.message));
  }
  check(
    submissions.slice(0, 3).every((s) => s === 'redirected') && /Too many|上限/.test(submissions[3]),
    `one browser's 4 submissions over A, B, A, B with a limit of 3: ${submissions.join(' | ')}`,
  );
  const strangerKey = `sk_test_TwoInstances${Date.now()}`;
  const calls = [];
  for (let i = 0; i < 41; i++) {
    const server = i % 2 ? a : b;
    const response = await request(`${server.origin}/sandbox/v1/checkout-sessions`, { headers: { authorization: `Basic ${strangerKey}` } });
    calls.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
  }
  check(
    calls.slice(0, 40).every((c) => c.status === 200) && calls[40].status === 429 && Number(calls[40].retryAfter) > 0,
    `41 sandbox calls of one key over both instances with a limit of 40 a minute: ${calls.filter((c) => c.status === 200).length} × 200, then ${calls[40].status} with Retry-After ${calls[40].retryAfter}`,
  );
  const wrong = `Basic ${Buffer.from('merchant:not-the-password').toString('base64')}`;
  const signIns = [];
  for (let i = 0; i < 7; i++) {
    // The sixth failure's block lasts minutes, not 1 s, so the seventh need not come within 1 s (see security-check.mjs).
    if (i === 5) await pool.query(`UPDATE rate_limits SET points = 14 WHERE key LIKE 'sign-in-failures%'`);
    signIns.push((await request(`${(i % 2 ? a : b).origin}/orders`, { headers: { authorization: wrong } })).status);
  }
  check(signIns.slice(0, 6).every((s) => s === 401) && signIns[6] === 429, `7 wrong merchant passwords over both instances: ${signIns.join(' ')}`);

  console.log('both instances purge the public demo\'s old data, once each row:');
  const hourAgo = Date.now() - 3_600_000;
  await pool.query(`UPDATE orders SET created_at = now() - interval '1 hour'`);
  await pool.query(`UPDATE webhook_events SET received_at = now() - interval '1 hour'`);
  await pool.query('UPDATE sandbox_records SET created_at = $1', [hourAgo]);
  await pool.query('UPDATE sandbox_webhook_deliveries SET created_at = $1', [hourAgo]);
  const count = async (table) => (await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const beforePurge = { orders: await count('orders'), records: await count('sandbox_records') };
  const purgeDeadline = Date.now() + 60_000;
  let left;
  while (Date.now() < purgeDeadline) {
    left = {
      orders: await count('orders'),
      events: await count('webhook_events'),
      records: (await pool.query(`SELECT count(*)::int AS n FROM sandbox_records WHERE kind <> 'webhookEndpoint'`)).rows[0].n,
      deliveries: await count('sandbox_webhook_deliveries'),
    };
    if (Object.values(left).every((n) => n === 0)) break;
    await sleep(500);
  }
  check(Object.values(left).every((n) => n === 0), `rows older than ${RETENTION_HOURS} h are gone: ${beforePurge.orders} orders and ${beforePurge.records} sandbox records before, ${JSON.stringify(left)} after`);
  const endpoints = (await pool.query(`SELECT data->>'url' AS url FROM sandbox_records WHERE kind = 'webhookEndpoint'`)).rows;
  check(endpoints.some((e) => e.url === `${appUrl}/api/webhooks/smartpay`), `the shop's own webhook endpoint is kept (${endpoints.length} endpoint(s))`);
  const purgeErrors = [a, b].flatMap((server) => server.errorLines.filter((line) => /purge/i.test(line)));
  check(purgeErrors.length === 0, `no purge errors in either log${purgeErrors.length ? `: ${purgeErrors[0]}` : ''}`);
  const after = new Shopper(3, b.origin);
  await after.openCheckout();
  const again = await after.submitCheckout();
  const approvedAgain = await approveSession(a.origin, again.sessionId, { pool });
  check(approvedAgain.order?.status === 'succeeded', `a checkout after the purge works: ${again.sessionId} is ${approvedAgain.order?.status}`);

  exitCode = checks.allHeld ? 0 : 1;
} catch (error) {
  check(false, `error: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await pool?.end().catch(() => undefined);
  await Promise.all(servers.map((s) => s.stop()));
  build?.remove();
}
console.log(checks.summary());
process.exit(exitCode);
