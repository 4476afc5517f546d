#!/usr/bin/env node
// `npm run bench:checkout`: the checkout load test (scripts/bench-checkout.mjs) twice with the same options,
// first on the embedded PGlite, then on a throwaway PostgreSQL, and then both results one after the other.
//
//   npm run bench:checkout -- [options of bench-checkout.mjs]
import { spawn } from 'node:child_process';
import path from 'node:path';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const runs = [
  { name: 'PGlite (embedded)', command: [path.join(here, 'bench-checkout.mjs'), ...args] },
  { name: 'PostgreSQL', command: [path.join(here, 'with-postgres.mjs'), 'node', path.join(here, 'bench-checkout.mjs'), ...args] },
];

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The figures of one run: its latency block and its verdict. */
function figures(output) {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith('latency and throughput'));
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  const verdict = lines.filter((line) => /^(PASS|FAIL)\b/.test(line));
  return [...(start >= 0 ? lines.slice(start, end > start ? end : undefined) : ['(no figures)']), ...verdict];
}

const results = [];
for (const { name, command } of runs) {
  console.log(`\n=== checkout on ${name} ===`);
  results.push({ name, ...(await run(command)) });
}
console.log('\n=== both ===');
for (const { name, code, output } of results) {
  console.log(`\n${name} (exit ${code})`);
  for (const line of figures(output)) console.log(`  ${line}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
