import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // The sandbox is a separate house: the shop reaches it over HTTP, as it reaches Smartpay.
    ignores: ['app/sandbox/**', 'lib/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)lib/sandbox(/|$)|^(\\.\\./)+sandbox(/|$)',
              message: 'Only app/sandbox imports the sandbox (through @/lib/sandbox); the shop reaches it over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox's pages and routes use its one entry, lib/sandbox/index.ts.
    files: ['app/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)lib/sandbox/.', message: 'Import the sandbox through @/lib/sandbox (its index.ts).' }] },
      ],
    },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'data/**', '.bench/**']),
]);
