#!/usr/bin/env node
// Runs the Playwright suite the way it runs against a deployment: a production server is started here,
// separately, with nothing but a deployment's settings, and Playwright gets only its address (BASE_URL),
// so it builds and starts nothing itself and skips, saying why, the flows that need its own server.
//
//   node scripts/e2e-against-server.mjs [playwright arguments…]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild, freePort, installCleanup, sandboxEnv, ShopServer, snapshotBuild } from './lib/shop-server.mjs';

installCleanup();
await ensureBuild([], console.log);
const build = snapshotBuild(console.log);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'storefront-deployed-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = new ShopServer({
  name: 'deployment',
  port,
  env: sandboxEnv({ APP_URL: origin, PORT: String(port), DATA_DIR: dataDir }),
  logFile: path.join(os.tmpdir(), `e2e-deployment-${port}.log`),
  projectDir: build.dir,
});
let code = 1;
try {
  await server.start();
  console.log(`a production server at ${origin} (log ${server.logFile}); running Playwright with BASE_URL=${origin}`);
  const playwright = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: origin },
  });
  code = await new Promise((resolve) => playwright.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} finally {
  await server.stop();
  build.remove();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
