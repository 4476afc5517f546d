// The sandbox's boundary, checked: a scratch copy of the project without lib/sandbox and app/sandbox must still
// type-check and build. (ESLint forbids imports of the sandbox outside app/sandbox; this catches anything else,
// such as a dynamic import.) The copy lives in the system's temporary folder and is removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const REMOVED = ['lib/sandbox', 'app/sandbox'];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shop-without-sandbox-'));

function run(step, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    console.error(output.split('\n').slice(-40).join('\n'));
    throw new Error(`${step} failed without the sandbox (exit ${result.status})`);
  }
  console.log(`ok  ${step} without the sandbox (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  // The project's files as the working tree has them (tracked, or new and not ignored), minus the sandbox.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && !REMOVED.some((folder) => file === folder || file.startsWith(`${folder}/`)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    try {
      cpSync(path.join(ROOT, file), path.join(scratch, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree, not yet in git
    }
  }
  // The project's packages as hard links: no copy, no download.
  const linked = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules')], { encoding: 'utf8' });
  if (linked.status !== 0) throw new Error(`could not link node_modules: ${linked.stderr}`);
  console.log(`a copy of the shop without ${REMOVED.join(' and ')}: ${scratch}`);

  run('the type check', path.join(scratch, 'node_modules/.bin/tsc'), ['--noEmit']);
  run('the production build', path.join(scratch, 'node_modules/.bin/next'), ['build']);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
