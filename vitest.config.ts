import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A hang detector, not a speed check (speed targets live in benchmarks): whole interviews,
    // browser journeys and grading corpora took 30-50 s each with two suites side by side on a
    // 2-core machine already at load 25-30.
    testTimeout: 90_000,
    // expect.poll gives up after 1 s by default: a page under load needs longer to show what it will show.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    // Integration and e2e tests start real servers and a browser: keep the 2-core machine calm.
    maxWorkers: 2,
  },
});
