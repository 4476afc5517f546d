#!/usr/bin/env node
// Runs a command against a throwaway PostgreSQL server: initdb on a temporary folder, start on a free
// loopback port, run the command with TEST_DATABASE_URL (and SANDBOX_TEST_DATABASE_URL) set, stop, clean up.
// As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
// The command may stop and start the server itself (a database outage): TEST_DATABASE_PG_CTL is the
// pg_ctl command line as JSON, to which it appends `stop` or `start`.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

function findBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
}

const binDir = findBinDir();
if (!binDir) {
  const message = 'PostgreSQL server binaries (initdb, pg_ctl) not found; install PostgreSQL or set PG_BIN.';
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message} Skipping: ${command.join(' ')}`);
  process.exit(0);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'storefront-pg-'));
const dataDir = path.join(dir, 'data');
const run = (bin, args) => {
  const file = path.join(binDir, bin);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
};
if (asRoot) {
  const pgUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const pgGid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, pgUid, pgGid);
}

let started = false;
const stop = () => {
  if (started) {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } catch (error) {
      console.error('could not stop PostgreSQL:', error.message);
    }
    started = false;
  }
  rmSync(dir, { recursive: true, force: true });
};

try {
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  const argsFor = (port) => [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-w',
    '-m',
    'fast',
  ];
  // The port is found free a moment before the server binds it: should another process take it meanwhile,
  // the server cannot start, and another free port is tried.
  let port;
  let pgCtlArgs;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    pgCtlArgs = argsFor(port);
    try {
      run('pg_ctl', [...pgCtlArgs, 'start']);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`PostgreSQL did not start on port ${port}; trying another port`);
    }
  }
  const pgCtl = asRoot ? ['runuser', '-u', 'postgres', '--', path.join(binDir, 'pg_ctl'), ...pgCtlArgs] : [path.join(binDir, 'pg_ctl'), ...pgCtlArgs];
  started = true;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`PostgreSQL running at ${url} (${binDir})`);
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url, SANDBOX_TEST_DATABASE_URL: url, TEST_DATABASE_PG_CTL: JSON.stringify(pgCtl) },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  stop();
  process.exit(code);
} catch (error) {
  console.error(error.message ?? error);
  stop();
  process.exit(1);
}
