import { defineConfig } from 'vitest/config';

// Each test file gets its own database (a PGlite copy of a migrated template, or a PostgreSQL database
// created from a template) and its own simulator, so files run in parallel without sharing state.
// Tests that disrupt the machine's services (restarting PostgreSQL) run afterwards, alone.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/disruptive/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'disruptive',
          include: ['test/disruptive/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
