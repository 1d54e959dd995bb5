import { describe, expect, it } from "vitest";
import { createGradingThread } from "../../server/interview/index.js";
import { createSandbox, DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { miniPack } from "../helpers/packs.js";

// A server closed moments after it started terminates its worker threads while they are still loading their modules.
// On Node 20 that aborted the whole process (V8 "Check failed: (location_) != nullptr" in ExecuteAsyncModule) when a
// bootstrap awaited its import at top level; CI lost a test file's fork to it. Closing at once, again and again, must
// neither crash nor hang, and a thread closed mid-start must still resolve its close.
const ROUNDS = 3;

describe("worker threads stopped while they are still starting", () => {
  it("the grading thread closes cleanly right after its first task spawned it", async () => {
    const pack = miniPack();
    const question = pack.questions[0]!;
    for (let i = 0; i < ROUNDS; i++) {
      const thread = createGradingThread();
      const warm = thread.warm(question, pack).then(
        () => "warmed",
        (e: Error) => e.message,
      );
      await thread.close();
      // Either it finished warming before the stop, or its task says the thread stopped; never silence.
      expect(["warmed", "the grading thread stopped"]).toContain(await warm);
    }
  });

  it("the grading thread starts no worker once closed: a task sent after close (a late warm-up) is refused", async () => {
    const pack = miniPack();
    const thread = createGradingThread();
    await thread.close();
    await expect(thread.warm(pack.questions[0]!, pack)).rejects.toThrow("the grading thread is closed");
  });

  it("the TypeScript sandbox closes cleanly right after it spawned its workers", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const sandbox = createSandbox({ limits: DEFAULT_LIMITS, pythonPool: 0, typescriptWorkers: 2 });
      await expect(sandbox.close()).resolves.toBeUndefined();
    }
  });
});
