import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // One temporary directory for the run's files, removed at its end (test/support/temp-root.ts).
    globalSetup: ['test/support/temp-root.ts'],
    hookTimeout: 30_000,
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, where the
    // end-to-end files, which mostly wait on a terminal or the demo's clock, then ran one after
    // another behind the unit files. Two at least let them overlap.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // In-process tests share no module state that one file could leave behind for the next
        // (no module mocks, no stubbed globals): a worker is reused across files instead of
        // being started afresh for each.
        test: {name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/e2e/**'], isolate: false},
      },
      {extends: true, test: {name: 'e2e', include: ['test/e2e/**/*.test.ts']}},
    ],
  },
});
