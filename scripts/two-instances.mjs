#!/usr/bin/env node
// Two shop instances sharing one PostgreSQL, behind one public address (that of instance B):
//
//   node scripts/with-postgres.mjs node scripts/two-instances.mjs
//
// Both run `next start` in sandbox mode with APP_URL = B's address, so the sandbox API, the hosted page and
// the webhook deliveries go to B. A shopper checks out on A; the session is approved through the testing
// endpoint (served by B); B's webhook settles the order; then the order is read through A and through B.
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureBuild, freePort, installCleanup, sandboxEnv, ShopServer, sleep, snapshotBuild } from './lib/shop-server.mjs';
import { approveSession, Shopper } from './lib/shopper.mjs';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const SETTLE_MS = 30_000;

const checks = [];
const check = (ok, what) => {
  checks.push({ ok, what });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return ok;
};

installCleanup();

let exitCode = 1;
const servers = [];
let pool;
let build;
try {
  if (!DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: run under node scripts/with-postgres.mjs');
  await ensureBuild([], console.log);
  build = snapshotBuild(console.log);
  const buildId = build.buildId;
  const portA = await freePort();
  let portB = await freePort();
  while (portB === portA) portB = await freePort();
  const appUrl = `http://127.0.0.1:${portB}`;
  const make = (name, port) =>
    new ShopServer({
      name,
      port,
      env: sandboxEnv({ APP_URL: appUrl, PORT: String(port), DATABASE_URL }),
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

  const approval = await approveSession(b.origin, result.sessionId);
  check(approval.order?.status === 'succeeded', `approved through B's testing endpoint; sandbox order ${approval.order?.id} is ${approval.order?.status}`);

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
  exitCode = checks.every((c) => c.ok) ? 0 : 1;
} catch (error) {
  check(false, `error: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await pool?.end().catch(() => undefined);
  await Promise.all(servers.map((s) => s.stop()));
  build?.remove();
}
console.log(exitCode === 0 ? `PASS: ${checks.length} checks` : `FAIL: ${checks.filter((c) => !c.ok).length} of ${checks.length} checks failed`);
process.exit(exitCode);
