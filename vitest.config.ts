import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The tests that run bin/pace.js need the compiled, bundled command up to date.
    globalSetup: ['test/global-build.ts'],
    // A time limit catches a test that hangs; it is not a measure of speed (the benchmarks are). The
    // longest tests, a browser going through twenty pages with axe, take 20–27 s on this two-core
    // machine, and one took more than 30 s on a slower day of it: so two minutes, and three for a hook.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: 'Europe/London' },
    // Two test files at a time even on two cores (vitest's default is one fewer than the cores):
    // much of the suite waits on PostgreSQL, Chromium and the servers it starts, each test's
    // database is its own, and on this two-core machine the suite took 557 s instead of 837 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
