import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/global.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: kernel and browser tests start real processes, so files run two at a time at most.
    maxWorkers: 2,
  },
});
