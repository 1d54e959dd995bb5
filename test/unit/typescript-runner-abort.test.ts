import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { createTypeScriptRunner } from "../../server/sandbox/typescript/runner.js";

// Counts the TypeScript sandbox's worker starts (the real spawn, counted).
const spawned = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../server/workers/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../server/workers/index.js")>();
  return { ...real, spawnWorker: (...args: Parameters<typeof real.spawnWorker>) => (spawned.count++, real.spawnWorker(...args)) };
});

let runner: ReturnType<typeof createTypeScriptRunner> | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe("a TypeScript run cancelled before its worker had it", () => {
  it("is answered as cancelled and its worker, still loading, is kept: no replacement is started", async () => {
    spawned.count = 0;
    runner = createTypeScriptRunner({ limits: DEFAULT_LIMITS, workers: 1 });
    expect(spawned.count).toBe(1);
    const leaving = new AbortController();
    const run = runner.run({
      language: "typescript",
      code: "export function f() { return 1; }",
      entrypoint: "f",
      cases: [{ args: [] }],
      signal: leaving.signal,
    });
    // The run has its slot and waits for the worker to load (seconds of CPU): its client leaves now.
    await new Promise((r) => setImmediate(r));
    leaving.abort();
    // Cancelled, never "crashed" (outside tester, session 21): the caller answers RUN_CANCELLED.
    await expect(run).rejects.toMatchObject({ name: "RunCancelledError", started: false });
    await runner.ready!();
    // Before, the abort replaced the worker that had never had the run: a second worker was started.
    expect(spawned.count).toBe(1);
  });
});
