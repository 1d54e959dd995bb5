import { describe, expect, it } from "vitest";
import { spawnWorker, stopWorker, workerLoaded } from "../../server/workers/index.js";

const fixture = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);

// The grading thread and the TypeScript sandbox each built this promise; stopWorker waits on it before terminating
// (terminating a worker still loading its modules aborts Node 20), and the sandbox's ready() reports its failure.
describe("a worker's loaded promise (server/workers/loaded.ts)", () => {
  it("resolves on the worker's first message", async () => {
    const worker = spawnWorker(fixture("echo-worker.ts"), { data: { greeting: "hi" } });
    await expect(workerLoaded(worker)).resolves.toBeUndefined();
    await stopWorker(worker, Promise.resolve());
  });

  it("rejects with the worker's load error", async () => {
    const worker = spawnWorker(fixture("broken-worker.ts"));
    await expect(workerLoaded(worker, "test worker")).rejects.toThrow("this worker fails to load");
  });

  it("rejects, naming the worker and its exit code, when the worker exits before saying anything", async () => {
    const worker = spawnWorker(fixture("silent-exit-worker.ts"));
    await expect(workerLoaded(worker, "test worker")).rejects.toThrow("the test worker exited while starting (exit code 3)");
  });

  it("a failure nobody awaits is no unhandled rejection (its owner replaces the worker)", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const worker = spawnWorker(fixture("broken-worker.ts"));
      void workerLoaded(worker);
      await new Promise((resolve) => worker.once("exit", resolve));
      // Unhandled rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
