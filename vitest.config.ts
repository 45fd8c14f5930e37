import { defineConfig } from 'vitest/config';

// Each test file gets its own database (a PGlite copy of a migrated template, or a PostgreSQL database
// created from a template) and its own simulator, so files run in parallel without sharing state.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
