#!/usr/bin/env node
// A production server stopped with SIGTERM in the middle of a run of checkouts (npm test runs this):
//
//   node scripts/with-postgres.mjs node scripts/graceful-stop.mjs
//
// Two instances on one PostgreSQL behind a stand-in load balancer that sends every request to the first
// while its health route answers 200, and to the second once it does not. Once a third of the checkout
// POSTs have started, the first gets SIGTERM: it must drain (health 503 while it still serves), then stop
// taking connections, answer every request it had taken, finish its background work, close the database
// and exit. Counted: requests taken and not answered properly (must be 0), and orders lost (every session
// a shopper was sent to has its order, and every approved order is paid in the end: 0).
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openFreshConnections, request, runPool } from './lib/http.mjs';
import { buildForPostgresRun, freePort, installCleanup, sandboxEnv, ShopServer, sleep } from './lib/shop-server.mjs';
import { approveSession, CheckoutFailure, Shopper } from './lib/shopper.mjs';
import { Checks } from './lib/checks.mjs';

const SHOPPERS = 60;
const CONCURRENCY = 12;
const STOP_AT = 20;
// Longer than the balancer (this script) takes to notice the health route's 503, even on a slow machine.
const DRAIN_SECONDS = 4;
const DATABASE_URL = process.env.TEST_DATABASE_URL;

const checks = new Checks();
const { check } = checks;
const refused = (error) => error?.cause?.code === 'ECONNREFUSED' || error?.cause?.cause?.code === 'ECONNREFUSED';

installCleanup();
openFreshConnections();
let exitCode = 1;
const servers = [];
let pool;
let build;
try {
  build = await buildForPostgresRun();
  pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  pool.on('error', () => undefined);
  const [firstPort, secondPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${secondPort}`;
  const make = (name, port, extra = {}) =>
    new ShopServer({
      name,
      port,
      env: sandboxEnv({ APP_URL: appUrl, PORT: String(port), DATABASE_URL, ...extra }),
      logFile: path.join(os.tmpdir(), `graceful-stop-${name.replace(/\W/g, '')}-${port}.log`),
      projectDir: build.dir,
    });
  const first = make('first server', firstPort, { SHUTDOWN_DRAIN_SECONDS: String(DRAIN_SECONDS) });
  const second = make('second server', secondPort);
  servers.push(first, second);
  await Promise.all([first.start(), second.start()]);

  // The load balancer: the first instance while it is healthy, the second from then on.
  let active = first;
  let switchedAfterMs;
  let stopping;
  let postsStarted = 0;
  const outcomes = { answered: 0, refused: 0, broken: [] };
  const stop = () => {
    stopping ??= (async () => {
      const started = performance.now();
      first.killNow('SIGTERM');
      for (;;) {
        const health = await request(`${first.origin}/api/health`, { timeoutMs: 1_000 }).catch(() => undefined);
        if (health?.status !== 200) break;
        await sleep(100);
      }
      active = second;
      switchedAfterMs = Math.round(performance.now() - started);
      const exit = await Promise.race([first.child.exited, sleep(30_000).then(() => undefined)]);
      return { exit, stoppedMs: Math.round(performance.now() - started) };
    })();
    return stopping;
  };
  /** Runs a step on the active instance; a refused connection (it never reached a server) tries again. */
  const step = async (shopper, work) => {
    for (;;) {
      shopper.origin = active.origin;
      try {
        const result = await work();
        outcomes.answered++;
        return result;
      } catch (error) {
        if (refused(error)) {
          outcomes.refused++;
          await sleep(50);
          continue;
        }
        throw error;
      }
    }
  };

  const shoppers = Array.from({ length: SHOPPERS }, (_, i) => new Shopper(300 + i, first.origin));
  const sessions = new Map();
  await runPool(shoppers, CONCURRENCY, async (shopper) => {
    try {
      await step(shopper, () => shopper.openCheckout());
      const result = await step(shopper, () => {
        if (++postsStarted === STOP_AT) void stop();
        return shopper.submitCheckout();
      });
      sessions.set(shopper.reference, result.sessionId);
    } catch (error) {
      outcomes.broken.push(`${shopper.reference ?? shopper.index}: ${error instanceof CheckoutFailure ? error.message : (error.cause?.code ?? error.message)}`);
    }
  });
  const { exit, stoppedMs } = (await stopping) ?? {};
  const firstLog = readFileSync(first.logFile, 'utf8');
  check(
    exit?.code === 143 || exit?.signal === 'SIGTERM',
    `the first server answered 503 on its health route ${switchedAfterMs} ms after SIGTERM, drained for ${DRAIN_SECONDS} s and exited after ${stoppedMs} ms (${exit?.signal ?? `code ${exit?.code}`})`,
  );
  check(
    /\[shutdown\] SIGTERM/.test(firstLog) && /\[shutdown\] requests and background work done, database closed/.test(firstLog),
    'it finished its requests and background work and closed the database before exiting',
  );
  check(
    outcomes.broken.length === 0,
    `${outcomes.answered} requests answered, ${outcomes.refused} connections refused (then sent to the second), ${outcomes.broken.length} taken and not answered${outcomes.broken.length ? `: ${outcomes.broken.slice(0, 3).join('; ')}` : ''}`,
  );

  for (const sessionId of sessions.values()) await approveSession(second.origin, sessionId);
  const references = [...sessions.keys()];
  // Time for a webhook that failed once to be sent again (after 1 s, then 5 s).
  const deadline = Date.now() + 60_000;
  let rows = [];
  while (Date.now() < deadline) {
    rows = (await pool.query('SELECT reference, status, smartpay_session_id FROM orders WHERE reference = ANY($1)', [references])).rows;
    if (rows.length === references.length && rows.every((row) => row.status === 'succeeded')) break;
    await sleep(300);
  }
  const lost = references.filter((reference) => {
    const row = rows.find((r) => r.reference === reference);
    return !row || row.smartpay_session_id !== sessions.get(reference) || row.status !== 'succeeded';
  });
  check(
    sessions.size === SHOPPERS && lost.length === 0,
    `${sessions.size} of ${SHOPPERS} shoppers reached Smartpay; every one has its order, paid: ${lost.length} lost${lost.length ? ` (${lost.slice(0, 3).join(', ')})` : ''}`,
  );
  exitCode = checks.allHeld ? 0 : 1;
} catch (error) {
  check(false, `error: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await pool?.end().catch(() => undefined);
  await Promise.all(servers.map((s) => s.stop()));
  build?.remove();
}
for (const server of servers) console.log(`${server.name} log: ${server.logFile}`);
console.log(checks.summary());
process.exit(exitCode);
