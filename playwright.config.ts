import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against a production build on its own port, in sandbox mode (no keys, no network),
 * or, with BASE_URL set, against that deployment (the hosted demo, a server started elsewhere): nothing is
 * built or started then, and the flows that need the server's own test settings are skipped, saying why.
 * The browser is Debian's Chromium when present (or PLAYWRIGHT_CHROMIUM_PATH), otherwise Playwright's own.
 */
const EXTERNAL = process.env.BASE_URL?.replace(/\/+$/, '') || undefined;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const APP_URL = EXTERNAL ?? `http://localhost:${PORT}`;
// A fresh embedded database per run, apart from the one `npm run dev` uses.
const DATA_DIR = EXTERNAL ? '' : (process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'storefront-e2e-')));
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** The production server the suite builds and starts for itself, with settings some flows rely on. */
const ownServer = {
  command: `npm run build && npm run start -- --port ${PORT}`,
  url: APP_URL,
  timeout: 240_000,
  reuseExistingServer: !process.env.CI,
  stdout: 'pipe' as const,
  env: {
    APP_URL,
    PORT: String(PORT),
    NEXT_TELEMETRY_DISABLED: '1',
    // Short enough that the "slow Smartpay" scenario trips the timeout quickly.
    SMARTPAY_TIMEOUT_MS: '3000',
    SANDBOX_SLOW_MS: '6000',
    // Every flow comes from one address; the per-browser limits stay as shipped.
    CHECKOUT_LIMIT_PER_IP: '10000',
    RECHECK_LIMIT_PER_IP: '10000',
    RECHECK_LIMIT_TOTAL: '10000',
    DEMO_ACTION_LIMIT_PER_IP: '10000',
    // All flows use the shop's one sandbox key, as many at once as there are workers.
    SANDBOX_RATE_LIMIT_PER_MINUTE: '1000000',
    SANDBOX_WRITES_PER_DAY: '1000000',
    // Nothing balances load in front of it: it may stop at once.
    SHUTDOWN_DRAIN_SECONDS: '0',
    SMARTPAY_SECRET_KEY: '',
    SMARTPAY_API_BASE: '',
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
    DATA_DIR,
  },
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // The longest flows (several pages, two browsers) take 15–20 s here with two workers on two cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumPath
          ? {
              executablePath: chromiumPath,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
              ],
            }
          : {},
      },
    },
  ],
  webServer: EXTERNAL ? undefined : ownServer,
});
