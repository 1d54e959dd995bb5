import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration and e2e tests start real servers and a browser: keep the 2-core machine calm.
    maxWorkers: 2,
  },
});
