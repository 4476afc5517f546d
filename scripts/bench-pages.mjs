#!/usr/bin/env node
// Throughput and latency of the shop's pages next to a bare Next.js page of the same version, built and
// served in the same run (the machine is noisy: read the ratios).
//
//   npm run bench:pages [-- --duration 5 --rounds 3 --connections 50]
//
// autocannon, 50 connections, on production builds: home, a product page (each as a first visit, through
// proxy.ts, and as a returning browser with the edition cookie, without it), the cart and the checkout (two
// products in the cart), each for --duration seconds in each of --rounds rounds. Prints the median of the
// rounds' req/s, p50 and p99, and the ratio of each to the bare page's. The same bare
// page behind a proxy.ts that does nothing is measured too: a first visit, the cart and the checkout pass
// through proxy.ts, so that row is the most those can reach. So is the bare page rendered on every request
// (it reads the cookies), without and behind that proxy.ts: the cart and the checkout render per request, so
// the second of those rows is the most they can reach.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pageTargets, perRequestTargets, printGoal, proxyCeilingTarget, returningTargets, startShopAndBare } from './lib/bare-next.mjs';
import { installCleanup } from './lib/shop-server.mjs';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '50' } },
});
const DURATION = Number(args.duration);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

installCleanup();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pages-'));
let targets;
const { shop, bare, stop } = await startShopAndBare('bench-pages', dataDir);
try {
  const [baseline, home, product, ...rest] = pageTargets(shop, bare);
  targets = [baseline, proxyCeilingTarget(bare), ...perRequestTargets(bare), home, product, ...returningTargets(shop), ...rest].map((target) => ({ ...target, runs: [] }));
  const run = (target, duration) =>
    autocannon({ url: target.url, connections: CONNECTIONS, duration, headers: target.cookie ? { cookie: target.cookie } : {} });
  for (const target of targets) {
    // Each row measures what it names: a page through proxy.ts answers with its rewrite, one without it does not.
    const probe = await fetch(target.url, { headers: target.cookie ? { cookie: target.cookie } : {} });
    await probe.arrayBuffer();
    const throughProxy = probe.headers.has('x-middleware-rewrite');
    if (probe.status !== 200 || (target.name.includes('edition cookie') && throughProxy) || (target.url.startsWith(shop.origin) && !target.cookie?.includes('shopEdition') && !throughProxy)) {
      throw new Error(`${target.name}: ${probe.status}, ${throughProxy ? 'through' : 'without'} proxy.ts, which is not what the row measures`);
    }
    await run(target, 2); // warm up
  }
  // The machine's speed drifts: every page is measured once per round, the rounds one after the other, and
  // each row is the median of its rounds.
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      const result = await run(target, DURATION);
      target.runs.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx });
      console.log(`  round ${round}, ${target.name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors)`);
    }
  }
} finally {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const rows = targets.map((target) => ({
  name: target.name,
  rps: median(target.runs.map((r) => r.rps)),
  p50: median(target.runs.map((r) => r.p50)),
  p99: median(target.runs.map((r) => r.p99)),
  errors: target.runs.reduce((sum, r) => sum + r.errors, 0),
}));
const baseline = rows[0];
console.log(
  `\n${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${DURATION} s per page, production builds (Next.js ${(await import('next/package.json', { with: { type: 'json' } })).default.version})\n`,
);
console.log('| page | req/s | × bare | p50 (ms) | × bare | p99 (ms) | non-2xx |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.rps.toFixed(0)} | ${(row.rps / baseline.rps).toFixed(2)} | ${row.p50} | ${(row.p50 / Math.max(baseline.p50, 1)).toFixed(1)} | ${row.p99} | ${row.errors} |`,
  );
}

// The goals these pages are held to (README, Performance), printed with the figures, met or not.
console.log('\ngoals:');
for (const row of rows.filter((r) => /^(home|product)\b/.test(r.name))) {
  const ratio = row.rps / baseline.rps;
  printGoal(`${row.name}: req/s ≥ 0.5× the bare page's`, `${ratio.toFixed(2)}×`, ratio >= 0.5);
}
for (const row of rows.filter((r) => /^(cart|checkout)\b/.test(r.name))) {
  const ratio = row.p50 / Math.max(baseline.p50, 1);
  printGoal(`${row.name}: p50 ≤ 3× the bare page's`, `${ratio.toFixed(1)}×`, ratio <= 3);
}
// What the cart and the checkout cost beyond being rendered per request behind a proxy.ts at all.
const floor = rows.find((r) => r.name === 'bare page rendered per request, behind a no-op proxy.ts');
if (floor) {
  console.log(`\nthe bare page rendered per request behind a no-op proxy.ts: p50 ${floor.p50} ms (${(floor.p50 / Math.max(baseline.p50, 1)).toFixed(1)}× the bare page's)`);
  for (const row of rows.filter((r) => /^(cart|checkout)\b/.test(r.name))) {
    console.log(`  ${row.name}: p50 ${(row.p50 / Math.max(floor.p50, 1)).toFixed(1)}× that page's, req/s ${(row.rps / floor.rps).toFixed(2)}×`);
  }
}
