import { defineConfig } from 'vitest/config';

// Integration tests run once per database back end: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). E2E tests drive Debian's Chromium.
const backends = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker; the integration files spend much of their
    // time waiting (database fsyncs, child servers starting and being killed), so two overlap well.
    maxWorkers: Number(process.env.NETRA_TEST_WORKERS ?? 2),
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      ...backends.map((db) => ({
        test: {
          name: `integration-${db}`,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { NETRA_TEST_DB: db },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks' as const,
        },
      })),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
