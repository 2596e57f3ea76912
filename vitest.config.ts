import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests spawn bin/article-export.js, which runs the built dist/cli.js: build it from the current source first.
    globalSetup: ['test/global-setup.ts'],
    // Integration tests spawn the CLI, run s3rver and synthesise the CDK app: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files share nothing (each starts its own servers on free ports), but the machine has 2 cores.
    maxWorkers: 2,
  },
});
