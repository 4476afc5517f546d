#!/usr/bin/env node
// Checkout load test against a production build of the shop in sandbox mode.
//
//   node scripts/with-postgres.mjs node scripts/bench-checkout.mjs [options]   (PostgreSQL, counts read from the database)
//   node scripts/bench-checkout.mjs [options]                                   (embedded PGlite, counts over HTTP)
//
// Options:
//   --shoppers N         shoppers checking out (default 200)
//   --concurrency C      shoppers in flight at once (default N)
//   --double D           extra shoppers whose form is submitted twice at once (default 5)
//   --restart-at K       SIGKILL the server after K checkout POSTs have started, start it again on the same port
//                        and database, carry on (requests cut off are repeated once it answers again); with a
//                        concurrency below N, approvals and webhook deliveries are under way at the kill
//   --approve after      approve all sessions after every checkout is done (default: each shopper approves
//                        right after its own checkout, so webhooks run during the checkouts)
//   --settle-timeout S   seconds to wait for every order to be settled (default 60)
//
// Steps: a baseline (GET /redirect of the bare Next.js app of scripts/lib/bare-next.mjs, built and started
// beside the shop: only a 303) with as many requests at the same concurrency;
// the shoppers (GET /checkout, POST the form as multipart without JavaScript, expect 303 to the sandbox's
// hosted page, approve with the hosted page's form post; a form error is answered by submitting the
// form that came back, as such a browser would, at most 3 submissions); waiting until every order is settled;
// counting orders, sandbox sessions and statuses. Exits 1 on any lost, duplicated or unsettled order.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bareServer, buildBareNext } from './lib/bare-next.mjs';
import { isNetworkError, percentile, request, runPool, summarize } from './lib/http.mjs';
import { atExit, ensureBuild, freePort, installCleanup, sandboxEnv, ShopServer, sleep, snapshotBuild } from './lib/shop-server.mjs';
import { approveSession, CheckoutFailure, Shopper } from './lib/shopper.mjs';

const { values: args } = parseArgs({
  options: {
    shoppers: { type: 'string', default: '200' },
    concurrency: { type: 'string' },
    double: { type: 'string', default: '5' },
    'restart-at': { type: 'string' },
    approve: { type: 'string', default: 'inline' },
    'settle-timeout': { type: 'string', default: '60' },
  },
});
const toInt = (name, value, min) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer ≥ ${min}`);
    process.exit(2);
  }
  return n;
};
const SHOPPERS = toInt('shoppers', args.shoppers, 1);
const CONCURRENCY = toInt('concurrency', args.concurrency ?? args.shoppers, 1);
const DOUBLE = toInt('double', args.double, 0);
const RESTART_AT = args['restart-at'] === undefined ? undefined : toInt('restart-at', args['restart-at'], 1);
const SETTLE_MS = toInt('settle-timeout', args['settle-timeout'], 1) * 1000;
if (!['inline', 'after'].includes(args.approve)) {
  console.error('--approve must be inline or after');
  process.exit(2);
}
const APPROVE_INLINE = args.approve === 'inline';
const MAX_TRIES = 6;
/** Submissions per shopper: a form error ("try again") is answered by submitting the form it came with. */
const MAX_SUBMITS = 3;
const DATABASE_URL = process.env.TEST_DATABASE_URL;

const log = (...parts) => console.log(...parts);
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

installCleanup();

let removeTempDir;
let server;
let bare;
let pool;
let build;
let exitCode = 1;
const runStartedAt = Date.now();
try {
  await ensureBuild([], log);
  build = snapshotBuild(log);
  bare = await bareServer('bench-checkout', buildBareNext(log));
  const buildId = build.buildId;
  const port = await freePort();
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'bench-checkout-'));
  removeTempDir = atExit(() => rmSync(tempDir, { recursive: true, force: true }));
  const env = sandboxEnv({
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    ...(DATABASE_URL ? { DATABASE_URL } : { DATA_DIR: path.join(tempDir, 'data') }),
  });
  const logFile = path.join(os.tmpdir(), `bench-checkout-server-${port}.log`);
  server = new ShopServer({ name: 'shop', port, env, logFile, projectDir: build.dir });
  log(
    `shop: next start on ${server.origin} (build ${buildId}, run from a private copy of .next), sandbox mode, ${DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite in a temporary DATA_DIR'}`,
  );
  log(
    `load: ${SHOPPERS} shoppers, concurrency ${CONCURRENCY}, ${DOUBLE} double submissions, approvals ${APPROVE_INLINE ? 'right after each checkout' : 'after all checkouts'}` +
      (RESTART_AT ? `, SIGKILL + restart after ${RESTART_AT} checkout POSTs` : ''),
  );
  log(`server log: ${logFile}`);
  await Promise.all([server.start(), bare.start()]);
  log(`baseline: the bare Next.js app on ${bare.origin}`);
  const origin = server.origin;
  const baselineUrl = `${bare.origin}/redirect`;
  if (DATABASE_URL) pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  const approvedCount = () => shoppers.filter((s) => s.approved).length;

  // Restart: one at a time; requests that fail meanwhile wait for it and try again.
  let restarting;
  const retryReasons = new Map();
  let restartInfo;
  const restart = () => {
    restarting ??= (async () => {
      const started = performance.now();
      const approvedBefore = approvedCount();
      // The sandbox creates its tables on its first request, so they may not exist yet.
      const pendingDeliveries = pool
        ? await pool
            .query(`SELECT count(*)::int AS n FROM sandbox_webhook_deliveries WHERE status = 'pending' AND created_at >= $1`, [runStartedAt])
            .then((result) => result.rows[0].n, () => 0)
        : undefined;
      await server.kill();
      const killedAt = performance.now();
      await server.start();
      restartInfo = { downMs: performance.now() - killedAt, totalMs: performance.now() - started, approvedBefore, pendingDeliveries };
    })();
    return restarting;
  };
  /** Runs `step` until it succeeds; a network error or a 5xx waits for the server (or a pending restart) first. */
  const retrying = async (counter, step) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        const transient = isNetworkError(error) || (error instanceof CheckoutFailure && error.httpStatus >= 500);
        if (!transient || attempt >= MAX_TRIES) throw error;
        counter.retries++;
        const reason = error instanceof CheckoutFailure ? error.message : `${error.name}: ${error.cause?.code ?? error.message}`;
        retryReasons.set(reason, (retryReasons.get(reason) ?? 0) + 1);
        if (restarting) await restarting;
        else await sleep(250 * attempt);
      }
    }
  };

  // Warm-up: one checkout page and a few baseline requests, so the first measured requests load no code.
  const warm = new Shopper(0, origin);
  await warm.openCheckout();
  for (let i = 0; i < 5; i++) await (await request(baselineUrl)).arrayBuffer();

  // Baseline: a bare Next.js route that only answers 303, same number of requests, same concurrency.
  const baselineLatencies = [];
  let baselineErrors = 0;
  let phaseStart = performance.now();
  await runPool(Array.from({ length: SHOPPERS }), CONCURRENCY, async () => {
    const t = performance.now();
    try {
      const response = await request(baselineUrl);
      await response.arrayBuffer();
      if (response.status === 303 && response.headers.get('location') === '/') baselineLatencies.push(performance.now() - t);
      else baselineErrors++;
    } catch {
      baselineErrors++;
    }
  });
  const baseline = summarize(baselineLatencies, performance.now() - phaseStart);

  // Shoppers.
  const counters = { retries: 0, postsStarted: 0, approveErrors: 0 };
  const failures = [];
  const checkoutLatencies = [];
  /** The `Server-Timing` of each redirected checkout (lib/server-timing.ts). */
  const serverTimings = [];
  const formErrorLatencies = [];
  const formErrors = new Map();
  let firstPost = Infinity;
  let lastPost = 0;
  const approve = async (shopper) => {
    try {
      await retrying(counters, () => approveSession(origin, shopper.sessionId));
      shopper.approved = true;
    } catch (error) {
      counters.approveErrors++;
      failures.push(`shopper ${shopper.index} (${shopper.reference}): ${error.message}`);
    }
  };
  const noteFormError = (error) => {
    formErrorLatencies.push(error.ms);
    formErrors.set(error.formError, (formErrors.get(error.formError) ?? 0) + 1);
  };
  /** Submits the shopper's form; after a form error, submits the form that came back (a new attempt), up to MAX_SUBMITS in all. */
  const submitUntilRedirected = async (shopper, submitted = 0) => {
    for (let submit = submitted + 1; ; submit++) {
      try {
        return await retrying(counters, () => {
          counters.postsStarted++;
          if (RESTART_AT && counters.postsStarted === RESTART_AT) restart().catch((error) => failures.push(`restart failed: ${error.message}`));
          firstPost = Math.min(firstPost, performance.now());
          return shopper.submitCheckout();
        });
      } catch (error) {
        if (!error.formError) throw error;
        noteFormError(error);
        if (submit >= MAX_SUBMITS || !error.nextForm) throw error;
        shopper.useForm(error.nextForm);
      }
    }
  };
  const checkOut = async (shopper) => {
    try {
      await retrying(counters, () => shopper.openCheckout());
      const result = await submitUntilRedirected(shopper);
      lastPost = Math.max(lastPost, performance.now());
      checkoutLatencies.push(result.ms);
      if (result.serverTiming) serverTimings.push(result.serverTiming);
      shopper.sessionId = result.sessionId;
      if (APPROVE_INLINE) await approve(shopper);
    } catch (error) {
      failures.push(`shopper ${shopper.index}${shopper.reference ? ` (${shopper.reference})` : ''}: ${error.message}`);
    }
  };
  const shoppers = Array.from({ length: SHOPPERS }, (_, i) => new Shopper(i, origin));
  phaseStart = performance.now();
  await runPool(shoppers, CONCURRENCY, checkOut);
  const shoppersWallMs = performance.now() - phaseStart;
  const checkout = summarize(checkoutLatencies, lastPost - firstPost);
  if (RESTART_AT && restarting) await restarting;

  // Double submissions: the same form posted twice at once, with the same cookies.
  const doubles = Array.from({ length: DOUBLE }, (_, i) => new Shopper(SHOPPERS + i, origin));
  const doubleProblems = [];
  let doubleInconclusive = 0;
  await runPool(doubles, CONCURRENCY, async (shopper) => {
    try {
      await retrying(counters, () => shopper.openCheckout());
      const answers = await Promise.allSettled([shopper.submitCheckout(), shopper.submitCheckout()]);
      const ok = answers.filter((a) => a.status === 'fulfilled').map((a) => a.value);
      const rejected = answers.filter((a) => a.status === 'rejected').map((a) => a.reason);
      for (const error of rejected) if (error.formError) noteFormError(error);
      if (ok.length === 0) {
        // Both answered a form error: the double click proved nothing; the shopper submits the form that came back.
        if (!rejected.every((e) => e.formError && e.nextForm)) throw rejected[0];
        doubleInconclusive++;
        shopper.useForm(rejected[0].nextForm);
        shopper.sessionId = (await submitUntilRedirected(shopper, 1)).sessionId;
      } else {
        const sessions = new Set(ok.map((a) => a.sessionId));
        if (sessions.size !== 1) doubleProblems.push(`${shopper.reference}: the two submissions got ${sessions.size} different sessions`);
        if (rejected.length) doubleProblems.push(`${shopper.reference}: one of the two submissions failed: ${rejected[0].message}`);
        shopper.sessionId = ok[0].sessionId;
      }
      if (APPROVE_INLINE) await approve(shopper);
    } catch (error) {
      failures.push(`double ${shopper.index}: ${error.message}`);
    }
  });

  const everyone = [...shoppers, ...doubles];
  if (!APPROVE_INLINE) await runPool(everyone.filter((s) => s.sessionId), CONCURRENCY, approve);
  // Every submitted attempt, once per reference (a double submission posts one attempt twice).
  const attempts = new Map();
  for (const shopper of everyone) {
    for (const attempt of shopper.attempts) {
      const known = attempts.get(attempt.reference);
      attempts.set(attempt.reference, { ...attempt, ...known, sessionId: known?.sessionId ?? attempt.sessionId, shopper });
    }
  }
  const started = everyone.filter((s) => s.attempts.length);

  // Settlement: with the database at hand, first wait for the webhooks alone to settle the orders;
  // then every shopper's status route (which re-checks with Smartpay what is still open) must say succeeded.
  const references = [...attempts.keys()];
  const settleStart = performance.now();
  let webhookSettledMs;
  if (pool) {
    while (performance.now() - settleStart < SETTLE_MS) {
      const { rows } = await pool.query(`SELECT count(*)::int AS open FROM orders WHERE reference = ANY($1) AND status IN ('pending', 'awaiting_authorization')`, [references]);
      if (rows[0].open === 0) {
        webhookSettledMs = performance.now() - settleStart;
        break;
      }
      await sleep(250);
    }
  }
  const statusOf = new Map();
  let open = started.filter((s) => s.approved);
  while (open.length && performance.now() - settleStart < SETTLE_MS + 15_000) {
    await runPool(open, Math.min(CONCURRENCY, 50), async (shopper) => {
      try {
        statusOf.set(shopper, await shopper.status());
      } catch (error) {
        statusOf.set(shopper, { error: error.message });
      }
    });
    open = open.filter((s) => !statusOf.get(s)?.final);
    if (open.length) await sleep(500);
  }
  const settleMs = performance.now() - settleStart;

  // Counting.
  const problems = [];
  const orderRows = new Map();
  const sessionRows = new Map();
  const settledBy = {};
  let deliveries = [];
  let webhookEvents = [];
  let firstAttempts = [];
  if (pool) {
    for (const row of (await pool.query(`SELECT reference, status, smartpay_session_id FROM orders WHERE reference = ANY($1)`, [references])).rows) {
      orderRows.set(row.reference, [...(orderRows.get(row.reference) ?? []), row]);
    }
    const sessions = await pool.query(
      `SELECT s.id, coalesce(s.data->>'reference', o.data->>'reference') AS reference
         FROM sandbox_records s LEFT JOIN sandbox_records o ON o.kind = 'order' AND o.id = s.data->>'order'
        WHERE s.kind = 'checkoutSession' AND coalesce(s.data->>'reference', o.data->>'reference') = ANY($1)`,
      [references],
    );
    for (const row of sessions.rows) sessionRows.set(row.reference, [...(sessionRows.get(row.reference) ?? []), row.id]);
    const sources = await pool.query(
      `SELECT DISTINCT ON (o.reference) o.reference, c.source FROM order_status_changes c JOIN orders o ON o.id = c.order_id
        WHERE o.reference = ANY($1) AND c.to_status = 'succeeded' ORDER BY o.reference, c.id`,
      [references],
    );
    for (const row of sources.rows) settledBy[row.source] = (settledBy[row.source] ?? 0) + 1;
    deliveries = (
      await pool.query(
        `SELECT status, count(*)::int AS n, sum(CASE WHEN jsonb_array_length(attempts) > 1 THEN 1 ELSE 0 END)::int AS retried
           FROM sandbox_webhook_deliveries WHERE created_at >= $1 GROUP BY status ORDER BY status`,
        [runStartedAt],
      )
    ).rows;
    firstAttempts = (
      await pool.query(
        `SELECT coalesce('HTTP ' || (attempts->0->>'statusCode'), attempts->0->>'error', 'none') AS result, count(*)::int AS n,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY (attempts->0->>'durationMs')::int) AS p50
           FROM sandbox_webhook_deliveries WHERE created_at >= $1 GROUP BY 1 ORDER BY 2 DESC`,
        [runStartedAt],
      )
    ).rows;
    webhookEvents = (
      await pool.query(
        `SELECT regexp_replace(coalesce(outcome, 'unprocessed'), '(order|payment)_(test|live)_[A-Za-z0-9]+', '<\\1>', 'g') AS outcome, count(*)::int AS n
           FROM webhook_events WHERE received_at >= to_timestamp($1 / 1000.0) GROUP BY 1 ORDER BY 2 DESC`,
        [runStartedAt],
      )
    ).rows;
  } else {
    // Over HTTP: the status route finds an order row by its unique reference. The sandbox's own list needs the
    // shop's key, which stays in the embedded database, so each redirected attempt counts the session it was sent
    // to (duplicate sessions are only detected with PostgreSQL).
    for (const shopper of started) {
      const status = statusOf.get(shopper);
      if (status?.reference === shopper.reference) orderRows.set(shopper.reference, [{ reference: shopper.reference, status: status.status }]);
    }
    // Attempts that ended in a form error have no entry in the shopper's cookie, so the status route cannot show them.
    for (const [reference, attempt] of attempts) if (!attempt.sessionId && !orderRows.has(reference)) orderRows.set(reference, undefined);
    for (const [reference, attempt] of attempts) if (attempt.sessionId) sessionRows.set(reference, [attempt.sessionId]);
  }

  const counts = {
    shoppers: everyone.length,
    attempts: attempts.size,
    redirected: 0,
    formErrorAttempts: 0,
    failedOrders: 0,
    orders: 0,
    missingOrders: 0,
    duplicateOrders: 0,
    sessions: 0,
    missingSessions: 0,
    duplicateSessions: 0,
    orphanSessions: 0,
    approved: 0,
    succeeded: 0,
    unsettled: 0,
    lost: 0,
  };
  for (const [reference, attempt] of attempts) {
    const rows = orderRows.get(reference);
    const sessions = sessionRows.get(reference) ?? [];
    counts.sessions += sessions.length;
    if (sessions.length > 1) counts.duplicateSessions++;
    if (rows) {
      counts.orders += rows.length;
      if (rows.length === 0) counts.missingOrders++;
      if (rows.length > 1) counts.duplicateOrders++;
    }
    if (!attempt.sessionId) {
      // An attempt the shop answered with a form error: its order is failed; the sandbox may hold a session it never returned.
      counts.formErrorAttempts++;
      if (rows?.[0]?.status === 'failed') counts.failedOrders++;
      else if (rows?.length) problems.push(`${reference}: answered a form error but its order is ${rows[0].status}`);
      if (sessions.length === 1) counts.orphanSessions++;
      if (!rows || rows.length === 0) counts.lost += rows ? 1 : 0;
      continue;
    }
    counts.redirected++;
    if (sessions.length === 0) counts.missingSessions++;
    const shopper = attempt.shopper;
    const current = shopper.reference === reference;
    if (!current) problems.push(`${reference}: redirected, yet the shopper moved on to ${shopper.reference}`);
    if (current && shopper.approved) counts.approved++;
    const status = current ? statusOf.get(shopper) : undefined;
    const dbStatus = rows?.[0]?.status;
    const succeeded = dbStatus === 'succeeded' && status?.status === 'succeeded' && status.final === true;
    if (succeeded) counts.succeeded++;
    if (current && shopper.approved && !succeeded) {
      counts.unsettled++;
      problems.push(`${reference}: approved but ${dbStatus ?? 'no order'} in the database, status route ${JSON.stringify(status ?? {})}`);
    }
    if (sessions.length === 1 && sessions[0] !== attempt.sessionId) problems.push(`${reference}: redirected to ${attempt.sessionId}, sandbox holds ${sessions[0]}`);
    if (pool && rows?.length === 1 && rows[0].smartpay_session_id !== attempt.sessionId) problems.push(`${reference}: order keeps session ${rows[0].smartpay_session_id}, shopper got ${attempt.sessionId}`);
    if (!(shopper.approved && rows?.length === 1 && sessions.length === 1 && succeeded)) counts.lost++;
  }
  const unfinishedShoppers = everyone.filter((s) => !s.approved).length;

  // Report.
  const line = (label, s) =>
    log(`  ${label.padEnd(9)} ${String(s.count).padStart(5)} req  ${fmt(s.throughput, 1).padStart(7)} req/s  p50 ${fmt(s.p50, 1).padStart(7)} ms  p90 ${fmt(s.p90, 1).padStart(7)} ms  p99 ${fmt(s.p99, 1).padStart(7)} ms  max ${fmt(s.max, 1).padStart(7)} ms`);
  log('');
  log(`latency and throughput (concurrency ${CONCURRENCY})`);
  line('baseline', baseline);
  line('checkout', checkout);
  log(`  ratio checkout/baseline: p50 ×${fmt(checkout.p50 / baseline.p50, 1)}, throughput ×${fmt(checkout.throughput / baseline.throughput, 3)}`);
  // The checkout action's answer says where its time went (Server-Timing, the same figures as its log line);
  // the shop's own time is everything but the Smartpay call.
  const durations = (value) =>
    Object.fromEntries(
      value.split(',').map((metric) => {
        const [name, ...parameters] = metric.trim().split(';');
        return [name, Number(parameters.find((parameter) => parameter.startsWith('dur='))?.slice(4))];
      }),
    );
  const timings = serverTimings
    .map(durations)
    .map((d) => ({ total: d.total, database: d.db, smartpay: d.smartpay, own: d.total - d.smartpay }))
    .filter((t) => Object.values(t).every(Number.isFinite));
  const pct = (key, p) => percentile(timings.map((t) => t[key]).sort((a, b) => a - b), p);
  log(
    `  inside the checkout action (Server-Timing of ${timings.length} answers): total p50 ${fmt(pct('total', 50), 1)} ms, Smartpay p50 ${fmt(pct('smartpay', 50), 1)} ms, ` +
      `database p50 ${fmt(pct('database', 50), 1)} ms, the shop's own time (total − Smartpay) p50 ${fmt(pct('own', 50), 1)} ms, p90 ${fmt(pct('own', 90), 1)} ms`,
  );
  // The goal (README, Performance), printed with the figures, met or not.
  if (CONCURRENCY === 1 && timings.length) {
    const own = pct('own', 50);
    log(`  goal: the shop's own time p50 ≤ 5 ms at one shopper at a time: ${own <= 5 ? 'met' : 'NOT MET'} (${fmt(own, 1)} ms)`);
  }
  if (formErrorLatencies.length) {
    const e = summarize(formErrorLatencies, 0);
    log(`  form-error answers ${e.count} (p50 ${fmt(e.p50)} ms, max ${fmt(e.max)} ms): ${[...formErrors].map(([text, n]) => `${n}× "${text}"`).join('; ')}`);
  }
  log(`  baseline errors ${baselineErrors}; shoppers phase ${fmt(shoppersWallMs / 1000, 1)} s; requests repeated after a network error or 5xx ${counters.retries}`);
  if (retryReasons.size) log(`    ${[...retryReasons].map(([reason, n]) => `${n}× ${reason}`).join('; ')}`);
  if (RESTART_AT) {
    log(
      restartInfo
        ? `restart: SIGKILL after ${RESTART_AT} checkout POSTs (${restartInfo.approvedBefore} sessions approved by then` +
            (restartInfo.pendingDeliveries === undefined ? '' : `, ${restartInfo.pendingDeliveries} webhook deliveries pending`) +
            `), server down ${fmt(restartInfo.downMs)} ms (kill + start ${fmt(restartInfo.totalMs)} ms)`
        : `restart: not done (only ${counters.postsStarted} checkout POSTs started)`,
    );
  }
  log('');
  log(`settlement: ${webhookSettledMs !== undefined ? `webhooks settled every order in ${fmt(webhookSettledMs)} ms; ` : pool ? 'webhooks did NOT settle every order in time; ' : ''}all status routes final after ${fmt(settleMs)} ms`);
  if (pool) {
    log(`  first move to succeeded by source: ${Object.entries(settledBy).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
    log(`  sandbox webhook deliveries: ${deliveries.map((d) => `${d.status} ${d.n}${d.retried ? ` (${d.retried} retried)` : ''}`).join(', ') || 'none'}`);
    log(`  first delivery attempts: ${firstAttempts.map((d) => `${d.result} ${d.n} (p50 ${d.p50} ms)`).join(', ') || 'none'}`);
    log(`  shop webhook_events by outcome: ${webhookEvents.map((e) => `${e.n}× ${e.outcome}`).join('; ') || 'none'}`);
  }
  log('');
  log(`counts (${pool ? 'from the database' : 'over HTTP: status route and sandbox session list'})`);
  log(`  shoppers ${counts.shoppers} (${SHOPPERS} + ${DOUBLE} double submissions), approved ${counts.approved}, without a paid order ${unfinishedShoppers}`);
  log(`  attempts ${counts.attempts}: redirected to Smartpay ${counts.redirected}, answered a form error ${counts.formErrorAttempts}${pool ? ` (order failed ${counts.failedOrders})` : ''}`);
  log(
    `  order rows ${pool ? counts.orders : `${counts.orders} seen`} (missing ${counts.missingOrders}, duplicated ${counts.duplicateOrders}); sandbox sessions ${counts.sessions} (missing ${counts.missingSessions}, duplicated ${counts.duplicateSessions}, never handed to the shopper ${counts.orphanSessions})`,
  );
  log(`  succeeded ${counts.succeeded}, approved but not succeeded ${counts.unsettled}, lost ${counts.lost}`);
  const doubleTested = DOUBLE - doubleInconclusive;
  log(
    `  double submissions: ${doubleTested - doubleProblems.filter((p) => p.includes('different sessions')).length}/${doubleTested} mapped to one order and one session` +
      (doubleInconclusive ? `; ${doubleInconclusive} inconclusive (both answered a form error, resubmitted)` : '') +
      (doubleProblems.length ? `; ${doubleProblems.length} problem(s)` : ''),
  );
  const serverErrors = server.errorLines.length;
  if (serverErrors) log(`  server log: ${serverErrors} error line(s), first: ${server.errorLines[0].slice(0, 200)}`);

  const allProblems = [...failures, ...doubleProblems, ...problems];
  if (baselineErrors) allProblems.push(`${baselineErrors} baseline request(s) failed`);
  if (RESTART_AT && !restartInfo) allProblems.push('the restart did not happen');
  const pass =
    allProblems.length === 0 &&
    counts.lost === 0 &&
    counts.unsettled === 0 &&
    counts.missingOrders + counts.duplicateOrders + counts.missingSessions + counts.duplicateSessions === 0 &&
    unfinishedShoppers === 0 &&
    counts.succeeded === counts.shoppers;
  if (allProblems.length) {
    log('');
    log(`problems (${allProblems.length}):`);
    for (const p of allProblems.slice(0, 20)) log(`  - ${p}`);
    if (allProblems.length > 20) log(`  … and ${allProblems.length - 20} more`);
  }
  log('');
  log(pass ? `PASS: ${counts.shoppers} shoppers paid, every attempt one order and at most one session, every paid order succeeded` : 'FAIL');
  exitCode = pass ? 0 : 1;
} catch (error) {
  console.error(`\nFAIL: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await pool?.end().catch(() => undefined);
  await Promise.all([server?.stop(), bare?.stop()]);
  removeTempDir?.();
  build?.remove();
}
process.exit(exitCode);
