import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/harness/global-browser.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // leaving a core idle while the browser files wait on Chromium. Use every core, and at least two.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
