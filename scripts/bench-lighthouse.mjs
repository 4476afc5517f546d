#!/usr/bin/env node
// Lighthouse (mobile) on the shop's pages next to a bare Next.js page of the same version, built and served
// in the same run: performance score, LCP, TBT and script transferred.
//
//   npm run bench:lighthouse [-- --runs 3]
//
// Pages: home, a product, the cart and the checkout with two products in the cart, and the success page
// of a paid order; besides the bare page, the same bare page loading the shop's stylesheet, which shows
// what a render-blocking stylesheet alone costs it. Lighthouse 12.2.3 (npx) drives Debian's
// /usr/bin/chromium (or CHROME_PATH). Each page is measured --runs times and the median run is reported.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BARE_DIR, pageTargets, printGoal, startShopAndBare, stylesheetTarget } from './lib/bare-next.mjs';
import { installCleanup } from './lib/shop-server.mjs';
import { approveSession, Shopper } from './lib/shopper.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Math.max(1, Number(args.runs));
const chrome = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

installCleanup();
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
const { shop, bare, stop } = await startShopAndBare('bench-lighthouse', path.join(work, 'data'));

/**
 * One Lighthouse run; the figures the table shows. Lighthouse now and then fails to record a trace
 * (NO_NAVSTART, NO_FCP) on a busy machine: such a run is tried again, twice at most, and says so.
 */
function lighthouse(url, cookie, attempt = 1) {
  try {
    return lighthouseOnce(url, cookie);
  } catch (error) {
    const reason = String(error.stderr ?? error.message).match(/\(([A-Z_]+)\)/)?.[1] ?? 'failed';
    if (attempt >= 3) throw error;
    console.log(`    (Lighthouse run on ${url} ${reason}; trying again)`);
    return lighthouse(url, cookie, attempt + 1);
  }
}

function lighthouseOnce(url, cookie) {
  const report = path.join(work, 'report.json');
  const headers = path.join(work, 'headers.json');
  writeFileSync(headers, JSON.stringify(cookie ? { Cookie: cookie } : {}));
  execFileSync(
    'npx',
    ['--yes', LIGHTHOUSE, url, '--quiet', '--output=json', `--output-path=${report}`, `--extra-headers=${headers}`, '--only-categories=performance',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, timeout: 180_000 },
  );
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const scripts = r.audits['resource-summary'].details.items.find((item) => item.resourceType === 'script');
  return {
    score: r.categories.performance.score,
    lcp: r.audits['largest-contentful-paint'].numericValue,
    tbt: r.audits['total-blocking-time'].numericValue,
    scriptKiB: (scripts?.transferSize ?? 0) / 1024,
  };
}

const rows = [];
try {
  // A paid order of one shopper, for its success page.
  const buyer = new Shopper(1, shop.origin);
  await buyer.openCheckout();
  const { sessionId } = await buyer.submitCheckout();
  const { redirectUrl } = await approveSession(shop.origin, sessionId);
  const [baseline, ...shopPages] = pageTargets(shop, bare);
  // The second row measures what it names: the bare page, with a stylesheet (the shop's) in its head.
  const styled = stylesheetTarget(bare);
  const styledPage = await (await fetch(styled.url)).text();
  if (!/<link rel="stylesheet"[^>]*\.css/.test(styledPage) || !/@layer/.test(readFileSync(path.join(BARE_DIR, 'app', 'with-stylesheet', 'shop.css'), 'utf8'))) {
    throw new Error(`${styled.url} does not load the shop's stylesheet`);
  }
  const targets = [baseline, styled, ...shopPages, { name: 'success (paid)', url: redirectUrl, cookie: buyer.jar.header() }];
  for (const target of targets) {
    const runs = Array.from({ length: RUNS }, () => lighthouse(target.url, target.cookie)).sort((a, b) => a.score - b.score || b.lcp - a.lcp);
    const median = runs[Math.floor(runs.length / 2)];
    rows.push({ name: target.name, ...median, scores: runs.map((r) => r.score) });
    console.log(`  ${target.name}: score ${median.score} (runs ${runs.map((r) => r.score).join(', ')}), LCP ${median.lcp.toFixed(0)} ms, TBT ${median.tbt.toFixed(0)} ms, script ${median.scriptKiB.toFixed(0)} KiB`);
  }
} finally {
  await stop();
  rmSync(work, { recursive: true, force: true });
}

const baseline = rows[0];
console.log(`\nLighthouse ${LIGHTHOUSE.split('@')[1]}, mobile emulation, median of ${RUNS} run(s), production builds\n`);
console.log('| page | score | LCP (ms) | × bare | TBT (ms) | script (KiB) | × bare |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.score.toFixed(2)} | ${row.lcp.toFixed(0)} | ${(row.lcp / baseline.lcp).toFixed(2)} | ${row.tbt.toFixed(0)} | ${row.scriptKiB.toFixed(0)} | ${(row.scriptKiB / baseline.scriptKiB).toFixed(2)} |`,
  );
}

// The goals every shop page is held to (README, Performance), printed with the figures, met or not.
console.log('\ngoals:');
for (const row of rows.filter((r) => !r.name.startsWith('bare '))) {
  printGoal(`${row.name}: score ≥ 0.98`, row.score.toFixed(2), row.score >= 0.98);
  printGoal(`${row.name}: LCP ≤ 1.5× the bare page's`, `${(row.lcp / baseline.lcp).toFixed(2)}×`, row.lcp / baseline.lcp <= 1.5);
  printGoal(`${row.name}: script ≤ 1.3× the bare page's`, `${(row.scriptKiB / baseline.scriptKiB).toFixed(2)}×`, row.scriptKiB / baseline.scriptKiB <= 1.3);
}
