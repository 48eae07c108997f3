import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Why: CLI and e2e tests run bin/marquee.mjs, which runs dist/cli; it must be built from the sources under test.
    globalSetup: ['tests/support/globalSetup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
