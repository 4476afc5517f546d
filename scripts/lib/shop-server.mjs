// Builds (when needed), starts and stops `next start` processes of the shop for the bench scripts.
// Each server runs in its own process group, so a kill reaches every process it spawned.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');
const RESERVED_PORTS = new Set([3000, 3100, 3200]);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free loopback port, never one of the ports other runs use (3000, 3100, 3200). */
export async function freePort() {
  for (let i = 0; i < 20; i++) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address();
        server.close(() => resolve(p));
      });
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
  throw new Error('no free port found');
}

export function currentBuildId() {
  try {
    return readFileSync(path.join(ROOT, '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function builtRoutes() {
  try {
    return Object.values(JSON.parse(readFileSync(path.join(ROOT, '.next', 'app-path-routes-manifest.json'), 'utf8')));
  } catch {
    return [];
  }
}

/** Whether something under `.next/` was written in the last `ms` milliseconds (a build in progress). */
function buildActivity(ms) {
  const now = Date.now();
  return ['.next', '.next/server', '.next/trace', '.next/static', '.next/BUILD_ID'].some((p) => {
    try {
      return now - statSync(path.join(ROOT, p)).mtimeMs < ms;
    } catch {
      return false;
    }
  });
}

/**
 * Makes sure `.next/` holds a production build that has `requiredRoutes`; runs `npm run build` otherwise.
 * A build someone else is running (no BUILD_ID yet, files still changing) is waited for, up to 5 minutes.
 * Returns the build id.
 */
export async function ensureBuild(routes = [], log = console.log) {
  // Servers are known to be up when their health route answers, so every build must have it.
  const requiredRoutes = [...new Set(['/api/health', ...routes])];
  const waitUntil = Date.now() + 5 * 60_000;
  let waited = false;
  while (Date.now() < waitUntil && (!currentBuildId() || buildActivity(3_000)) && buildActivity(30_000)) {
    if (!waited) log('waiting for a build in .next to finish …');
    waited = true;
    await sleep(2_000);
  }
  const missing = requiredRoutes.filter((route) => !builtRoutes().includes(route));
  const reason = !currentBuildId() ? 'no production build in .next' : missing.length ? `the build lacks ${missing.join(', ')}` : undefined;
  if (reason) {
    log(`building (${reason}) …`);
    const started = Date.now();
    const result = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      timeout: 15 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
      throw new Error(`npm run build failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
    }
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const still = requiredRoutes.filter((route) => !builtRoutes().includes(route));
  if (still.length) throw new Error(`the build still lacks ${still.join(', ')}`);
  return currentBuildId();
}

/**
 * A private copy of the current build, so builds others run into the shared `.next/` meanwhile cannot
 * change what the servers load: a temporary folder with symlinks to every top-level entry of the project
 * (except `.next` and `.env*` files) and a copy of `.next` without its `cache` and `dev` folders.
 * Returns `{ dir, buildId, remove() }`; servers started with `projectDir: dir` run from it.
 */
export function snapshotBuild(log = console.log) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const buildId = currentBuildId();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shop-build-'));
    for (const entry of readdirSync(ROOT)) {
      if (entry === '.next' || entry.startsWith('.env')) continue;
      symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
    }
    cpSync(path.join(ROOT, '.next'), path.join(dir, '.next'), {
      recursive: true,
      filter: (source) => !/[/\\]\.next[/\\](cache|dev)([/\\]|$)/.test(source),
    });
    const copied = (() => {
      try {
        return readFileSync(path.join(dir, '.next', 'BUILD_ID'), 'utf8').trim();
      } catch {
        return undefined;
      }
    })();
    if (buildId && copied === buildId && currentBuildId() === buildId && !buildActivity(2_000)) {
      return { dir, buildId, remove: atExit(() => rmSync(dir, { recursive: true, force: true })) };
    }
    rmSync(dir, { recursive: true, force: true });
    log(`the build in .next changed while it was copied; trying again (${attempt}/5)`);
    spawnSync('sleep', ['3']);
  }
  throw new Error('could not take a consistent copy of .next (another build keeps changing it)');
}

/** The environment of a shop process in sandbox mode, without any Smartpay settings inherited from ours. */
export function sandboxEnv(extra) {
  const env = { ...process.env };
  for (const name of ['SMARTPAY_SECRET_KEY', 'SMARTPAY_API_BASE', 'SMARTPAY_WEBHOOK_SECRET', 'DATABASE_URL', 'DATA_DIR', 'PORT', 'APP_URL', 'NODE_OPTIONS']) {
    delete env[name];
  }
  // Load scripts send every shopper from one address with one sandbox key: their limits are lifted unless a script sets them.
  // Nothing balances load in front of these servers, so they need not drain before stopping.
  return { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', CHECKOUT_LIMIT_PER_IP: '1000000', RECHECK_LIMIT_PER_IP: '1000000', RECHECK_LIMIT_TOTAL: '1000000', DEMO_ACTION_LIMIT_PER_IP: '1000000', SANDBOX_RATE_LIMIT_PER_MINUTE: '1000000', SANDBOX_WRITES_PER_DAY: '1000000', SHUTDOWN_DRAIN_SECONDS: '0', ...extra };
}

const running = new Set();
const cleanups = new Set();

/** Runs `cleanup` (synchronous) when this process exits, unless it was run before; returns a function that runs it now. */
export function atExit(cleanup) {
  const once = () => {
    if (!cleanups.delete(once)) return;
    cleanup();
  };
  cleanups.add(once);
  return once;
}

/** Stops every started server when this process ends, is interrupted or is terminated. */
export function installCleanup() {
  process.on('exit', () => {
    for (const server of running) server.killNow();
    for (const cleanup of cleanups) cleanup();
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the shop server(s)`);
      for (const server of running) server.killNow();
      process.exit(code);
    });
  }
}

/** One `next start` process on 127.0.0.1:port; its output goes to `logFile`. */
export class ShopServer {
  constructor({ name, port, env, logFile, projectDir = ROOT, readyPath = '/api/health', nextBin = NEXT_BIN }) {
    this.name = name;
    this.nextBin = nextBin;
    /** Answers 200 once the server serves (the bare Next.js baseline has no health route). */
    this.readyPath = readyPath;
    this.projectDir = projectDir;
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.env = env;
    this.logFile = logFile;
    this.errorLines = [];
    this.child = undefined;
    writeFileSync(logFile, '');
  }

  async start({ timeoutMs = 60_000 } = {}) {
    const child = spawn(this.nextBin, ['start', '-p', String(this.port), '-H', '127.0.0.1'], {
      cwd: this.projectDir,
      env: this.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(this);
    child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.exited.then(() => running.delete(this));
    const record = (chunk) => {
      const text = chunk.toString();
      appendFileSync(this.logFile, text);
      for (const line of text.split('\n')) {
        if (/error|failed|timed out|unhandled|exception/i.test(line) && this.errorLines.length < 500) this.errorLines.push(line.trim());
      }
    };
    child.stdout.on('data', record);
    child.stderr.on('data', record);
    let exit;
    child.exited.then((e) => (exit = e));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exit) throw new Error(`${this.name} exited during start-up (${exit.signal ?? exit.code}); log: ${this.logFile}`);
      try {
        const health = await fetch(`${this.origin}${this.readyPath}`, { signal: AbortSignal.timeout(2_000) });
        if (health.status === 200) return;
        await sleep(150);
      } catch {
        await sleep(150);
      }
    }
    throw new Error(`${this.name} did not answer within ${timeoutMs} ms; log: ${this.logFile}`);
  }

  killNow(signal = 'SIGKILL') {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  /** SIGKILL to the whole process group, as a crash would; resolves once the process is gone. */
  async kill() {
    if (!this.child) return;
    this.killNow('SIGKILL');
    await Promise.race([this.child.exited, sleep(10_000)]);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000) {
    if (!this.child) return;
    this.killNow('SIGTERM');
    const stopped = await Promise.race([this.child.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!stopped) await this.kill();
  }
}

/**
 * For the scripts run under `scripts/with-postgres.mjs`: checks that its PostgreSQL is there, makes sure of a
 * production build and returns a private copy of it (see `snapshotBuild`).
 */
export async function buildForPostgresRun(log = console.log) {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: run under node scripts/with-postgres.mjs');
  await ensureBuild([], log);
  return snapshotBuild(log);
}

