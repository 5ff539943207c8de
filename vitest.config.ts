import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'Europe/London' },
    // Two test files at a time even on two cores (vitest's default is one fewer than the cores):
    // much of the suite waits on PostgreSQL, Chromium and the servers it starts, each test's
    // database is its own, and on this two-core machine the suite took 557 s instead of 837 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
