import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // vitest keeps one core free by default, which on a 2-core machine ran the API suite one file at a
    // time while each file mostly waits on its database (PGlite's worker thread, or the server)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.api.test.ts'],
          // pure functions and server-rendered components (no DOM environment, no module mocks): files
          // share a worker's modules; importing them anew per file was ~90% of this project's time
          isolate: false,
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/server/src/**/*.api.test.ts'],
          // test files share a worker's modules instead of importing the server anew each (~2-3 s a file);
          // module-level state a test changes must therefore be undone by that test (decision 0035)
          isolate: false,
          // a real clamd scans every upload the API tests make; every test database starts as a copy of one
          // migrated template made per run (a PGlite dump, or a PostgreSQL database copied with CREATE DATABASE … TEMPLATE)
          globalSetup: ['apps/server/src/test/clamd.global-setup.ts', 'apps/server/src/test/database-template.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
