#!/usr/bin/env node
// A production build that runs without the project's node_modules: next build with `output: 'standalone'`
// (next.config.js reads NEXT_OUTPUT), then the two folders Next.js leaves out of .next/standalone, the
// browser's files (.next/static) and public/, copied in. Start it with `node .next/standalone/server.js`.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.next', 'standalone');
rmSync(out, { recursive: true, force: true });
const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_OUTPUT: 'standalone' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
cpSync(path.join(root, '.next', 'static'), path.join(out, '.next', 'static'), { recursive: true });
cpSync(path.join(root, 'public'), path.join(out, 'public'), { recursive: true });
console.log(`\nstandalone build in ${path.relative(root, out)}: start it with node ${path.relative(root, path.join(out, 'server.js'))}`);
