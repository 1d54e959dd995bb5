import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { spawnWorker, stopWorker } from "../../server/workers/index.js";

const fixture = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);

// The grading thread and the TypeScript sandbox had a bootstrap each, the same file apart from the worker it loaded.
// One bootstrap (server/workers/bootstrap.mjs) now loads whichever worker module its workerData names.
describe("the one worker bootstrap", () => {
  it("loads the TypeScript worker named in workerData and hands it the rest of its data", async () => {
    const url = fixture("echo-worker.ts");
    const worker = spawnWorker(url, { data: { greeting: "hello" } });
    const [message] = (await once(worker, "message")) as [{ greeting: string; workerUrl: string }];
    expect(message).toEqual({ greeting: "hello", workerUrl: url.href });
    await stopWorker(worker, Promise.resolve());
  });

  it("a worker module that fails to load reaches the parent as the worker's error", async () => {
    const worker = spawnWorker(fixture("broken-worker.ts"));
    const [err] = (await once(worker, "error")) as [Error];
    expect(err.message).toBe("this worker fails to load");
    await once(worker, "exit").catch(() => undefined);
  });
});
