import {defineConfig} from 'vitest/config';

// `npm run test:fluvio` (scripts/test-fluvio.js): tests that start a real Fluvio cluster. Kept out of
// `npm test`'s *.test.ts so that the unit suite needs no Fluvio; one file at a time (fixed ports).
export default defineConfig({
  test: {
    include: ['test/fluvio/**/*.fluvio.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
