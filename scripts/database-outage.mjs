#!/usr/bin/env node
// The database stops in the middle of a purchase and starts again:
//
//   node scripts/with-postgres.mjs node scripts/database-outage.mjs
//
// A shopper checks out on a production server (public demo: sandbox on PostgreSQL) and approves on the hosted
// page; PostgreSQL is stopped before the shopper's browser follows the redirect to /success. While it is down,
// every page the shopper can land on answers with the shop's own page in the shopper's language (never a bare
// "Internal Server Error"), the cart is kept, checkout answers the shop's own error and health answers 503;
// the return pages, opened in Chromium with the shopper's cookies at a phone's and a desktop's width, read
// without sideways scrolling and with no WCAG 2.1 A/AA violation axe-core finds.
// PostgreSQL starts again: /success shows the order paid and empties the cart, exactly one order exists,
// the webhook delivery cut off by the outage is retried, and the server logged no uncaught exception.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { Checks } from './lib/checks.mjs';
import { request } from './lib/http.mjs';
import { buildForPostgresRun, freePort, installCleanup, sandboxEnv, ShopServer, sleep } from './lib/shop-server.mjs';
import { approveSession, Shopper } from './lib/shopper.mjs';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const PG_CTL = process.env.TEST_DATABASE_PG_CTL ? JSON.parse(process.env.TEST_DATABASE_PG_CTL) : undefined;
const checks = new Checks();
const { check } = checks;
installCleanup();

const pgCtl = (action) => execFileSync(PG_CTL[0], [...PG_CTL.slice(1), action], { stdio: 'pipe' });

/** GET `path` as the shopper's browser (its cookies), following nothing; the body as text. */
async function visit(shopper, pathname) {
  const response = await request(`${shopper.origin}${pathname}`, { jar: shopper.jar, headers: { accept: 'text/html' } });
  return { status: response.status, body: await response.text(), setCookies: response.headers.getSetCookie(), location: response.headers.get('location') };
}

const shows = (page, text) => page.body.includes(text);

/** Debian's Chromium when there is one (or PLAYWRIGHT_CHROMIUM_PATH), as playwright.config.ts chooses; Playwright's own otherwise. */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const launchOptions = chromiumPath
  ? { executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }
  : {};

/** Each of `pages` ([path, text it must show]) in Chromium with the shopper's cookies, at a phone's and a desktop's width. */
async function checkInBrowser(shopper, pages, when) {
  const browser = await chromium.launch(launchOptions);
  try {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport });
      await context.addCookies(shopper.jar.entries().map(([name, value]) => ({ name, value, url: shopper.origin })));
      const page = await context.newPage();
      for (const [pathname, text] of pages) {
        const response = await page.goto(`${shopper.origin}${pathname}`);
        const shown = await page.getByText(text).first().isVisible();
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        check(
          response?.status() === 200 && shown && !sideways && found.length === 0,
          `${pathname.split('?')[0]} at ${viewport.width} px ${when}, in Chromium: ${response?.status()}, ${shown ? 'shows' : 'does not show'} "${text}", ${sideways ? 'scrolls sideways' : 'no sideways scrolling'}, axe: ${found.length ? found.join('; ') : 'no violation'}`,
        );
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
const bare = (page) => /^Internal Server Error/.test(page.body) || !page.body.includes('<html');

let exitCode = 1;
let server;
let pool;
let build;
let databaseDown = false;
try {
  if (!PG_CTL) throw new Error('TEST_DATABASE_PG_CTL is not set: run under node scripts/with-postgres.mjs');
  build = await buildForPostgresRun();
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  server = new ShopServer({
    name: 'shop',
    port,
    env: sandboxEnv({ APP_URL: appUrl, PORT: String(port), DATABASE_URL }),
    logFile: path.join(os.tmpdir(), `database-outage-${port}.log`),
    projectDir: build.dir,
  });
  console.log(`build ${build.buildId}; shop ${appUrl} (log ${server.logFile})`);
  await server.start();
  pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  pool.on('error', () => {}); // the outage cuts this pool's idle connection too

  console.log('checks:');
  const shopper = new Shopper(1, appUrl);
  await shopper.openCheckout();
  const { sessionId } = await shopper.submitCheckout();
  const { redirectUrl } = await approveSession(appUrl, sessionId);
  const successPath = new URL(redirectUrl).pathname + new URL(redirectUrl).search;
  check(successPath === `/success?ref=${shopper.reference}`, `approved on the hosted page; the browser is sent to ${successPath}`);
  await pool.end();
  pool = undefined;

  pgCtl('stop');
  databaseDown = true;
  console.log('  (PostgreSQL stopped)');

  const success = await visit(shopper, successPath);
  check(
    success.status === 200 && shows(success, 'お支払いを確認しています') && shows(success, '二重に請求されることはありません') && !bare(success),
    `/success while the database is down: ${success.status}, the shop's page saying the payment is being confirmed, in Japanese`,
  );
  check(!success.setCookies.some((c) => /^cart=;|^cart=$/.test(c)) && shopper.jar.get('cart') !== undefined, 'the cart is kept while the order cannot be read');
  const cancel = await visit(shopper, `/cancel?ref=${shopper.reference}`);
  check(cancel.status === 200 && shows(cancel, 'お支払いの状況を確認できませんでした') && !bare(cancel), `/cancel while the database is down: ${cancel.status}, the shop's page`);
  for (const pathname of ['/', '/products/sencha-green-tea', '/cart', '/legal/tokushoho']) {
    const page = await visit(shopper, pathname);
    check(page.status === 200 && !bare(page), `${pathname} while the database is down: ${page.status}`);
  }
  await checkInBrowser(
    shopper,
    [
      [successPath, 'お支払いを確認しています'],
      [`/cancel?ref=${shopper.reference}`, 'お支払いの状況を確認できませんでした'],
    ],
    'while the database is down',
  );
  const checkout = await visit(shopper, '/checkout');
  check(checkout.status === 200 && !bare(checkout), `/checkout while the database is down: ${checkout.status}`);
  const health = await request(`${appUrl}/api/health`);
  check(health.status === 503, `health while the database is down: ${health.status}`);
  shopper.jar.set('locale', 'en');
  const english = await visit(shopper, successPath);
  check(english.status === 200 && shows(english, 'Confirming your payment') && shows(english, 'you will not be charged twice'), `/success in English while the database is down: ${english.status}`);
  shopper.jar.set('locale', 'ja');

  // The shopper waits a little, as the page asks, while PostgreSQL comes back.
  await sleep(3_000);
  pgCtl('start');
  databaseDown = false;
  console.log('  (PostgreSQL started)');
  let healthy = false;
  for (let i = 0; i < 60 && !healthy; i++) {
    healthy = (await request(`${appUrl}/api/health`)).status === 200;
    if (!healthy) await sleep(500);
  }
  check(healthy, 'health answers 200 again once PostgreSQL is back');

  let after = await visit(shopper, successPath);
  // A webhook retried just now may record the payment between proxy.ts's reading and the page's: the page
  // then sends the browser through proxy.ts once more (app/(shop)/[edition]/success/page.tsx).
  if (after.status === 307 && after.location?.endsWith('&again=1')) {
    const again = new URL(after.location, shopper.origin);
    after = await visit(shopper, `${again.pathname}${again.search}`);
  }
  check(after.status === 200 && shows(after, 'data-testid="success-confirmed"'), `/success after the outage: ${after.status}, the order confirmed as paid`);
  check(shopper.jar.get('cart') === undefined, 'the cart is emptied once the payment is confirmed');

  pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  const orders = (await pool.query('SELECT status FROM orders WHERE reference = $1', [shopper.reference])).rows;
  check(orders.length === 1 && orders[0].status === 'succeeded', `exactly one order ${shopper.reference}: ${orders.map((o) => o.status).join(', ')}`);
  let pending = -1;
  for (let i = 0; i < 60 && pending !== 0; i++) {
    pending = Number((await pool.query(`SELECT count(*) AS n FROM sandbox_webhook_deliveries WHERE status = 'pending'`)).rows[0].n);
    if (pending !== 0) await sleep(500);
  }
  const failed = Number((await pool.query(`SELECT count(*) AS n FROM sandbox_webhook_deliveries WHERE status <> 'succeeded'`)).rows[0].n);
  check(pending === 0 && failed === 0, `every webhook delivery succeeded in the end (pending ${pending}, not succeeded ${failed})`);
  const log = readFileSync(server.logFile, 'utf8');
  check(!/uncaughtException|unhandledRejection/i.test(log), 'no uncaught exception or unhandled rejection in the server log');

  console.log(checks.summary());
  exitCode = checks.allHeld ? 0 : 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (databaseDown) {
    try {
      pgCtl('start');
    } catch {
      // with-postgres.mjs cleans up either way.
    }
  }
  await pool?.end().catch(() => {});
  await server?.stop();
  build?.remove();
  process.exit(exitCode);
}
