import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: every unit test as it is, and the sandbox's suites once more with each sandbox on the
 * database store (lib/sandbox/testing/on-database-store.ts; no isolation, so one in-memory PGlite per worker).
 * Files named `*.db.test.ts` open the test database themselves: PGlite here, PostgreSQL under `npm run test:pg`.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run lib/ code directly.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Opening an embedded database on a busy machine can take more than the default 10 s.
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['lib/**/*.test.ts', 'test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'sandbox-on-database',
          include: ['lib/sandbox/**/*.test.ts'],
          // Suites that open their own databases (or use no store of the sandbox) gain nothing from a second run.
          exclude: [
            'lib/sandbox/**/*.db.test.ts',
            'lib/sandbox/store/persistence.test.ts',
            'lib/sandbox/store/migrations.test.ts',
            'lib/sandbox/api/rate-limit-database.test.ts',
            'lib/sandbox/testing/fake-smartpay-parity.test.ts',
          ],
          setupFiles: ['lib/sandbox/testing/on-database-store.ts'],
          isolate: false,
        },
      },
    ],
  },
});
