import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Lives in test/ because the project's top level is kept to the agreed folders.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // Generous: tests that start the command line as a child process take seconds each on a busy 2-core machine.
    testTimeout: 45_000,
    hookTimeout: 60_000,
    // Browser tests each start Chromium; two cores do not gain from running them side by side.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
