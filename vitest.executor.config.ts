import { defineConfig } from 'vitest/config';

/**
 * `npm run test:executor`: the reference executor against a real Postgres (tests/executor). Kept
 * apart from `npm test`, which needs no database. Files run one at a time: they start processes
 * on fixed ports and share the machine's two cores.
 */
export default defineConfig({
  test: {
    include: ['tests/executor/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
