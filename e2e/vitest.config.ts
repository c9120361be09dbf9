import { defineConfig } from "vitest/config";

/**
 * Browser tests: one real server (embedded PGlite, demo data) started by the global setup and shared by
 * every file, driven by Debian's Chromium through playwright-core. One worker, one file at a time.
 */
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/..`,
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    retry: 0,
    // A poll waits for what the page will show; on a loaded two-core CI machine a render can take seconds,
    // and the default (1 s) failed tests whose page was merely slow (saved filters, 23 Nov).
    expect: { poll: { timeout: 10_000 } },
  },
});
