import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, RunCancelledError, type Sandbox } from "../../server/sandbox/index.js";
import { addQuestion } from "../helpers/coding-question.js";

/**
 * A run whose caller has gone (its signal aborted: a socket that disconnected, a validation whose request closed) is
 * stopped where it is, not left to its limits: here the limits are ten minutes, so only the cancel can end the loop.
 */
const question = addQuestion();
const LOOPS = {
  python: "def f(a, b):\n    while True:\n        pass\n",
  typescript: "export function f(a: number, b: number) { while (true) {} }",
};
let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox({ limits: { ...DEFAULT_LIMITS, perTestMs: 600_000, cpuSeconds: 600 }, pythonPool: 1, typescriptWorkers: 1 });
});
afterAll(() => sandbox.close());

describe("a run nobody waits for any more", () => {
  it.each(["typescript", "python"] as const)("%s: is stopped when its signal aborts, and the next run has a sandbox", async (language) => {
    if (language === "python" && !sandbox.capabilities.python.available) {
      if (process.env.CI === "true") throw new Error(sandbox.capabilities.python.reason);
      console.warn(`skipped: Python cannot run here (${sandbox.capabilities.python.reason})`);
      return;
    }
    const leaving = new AbortController();
    const running = sandbox.runTests(question, language, LOOPS[language], "visible", { signal: leaving.signal });
    while ((sandbox.queueStats()[language]?.busy ?? 0) === 0) await new Promise((r) => setImmediate(r));
    leaving.abort();
    // Reported as cancelled (RunCancelledError: RUN_CANCELLED to a client), never as a crash of the candidate's code.
    await expect(running).rejects.toBeInstanceOf(RunCancelledError);
    expect(sandbox.queueStats()[language]?.busy).toBe(0);
    const next = await sandbox.runTests(question, language, question.coding!.referenceSolution[language]!, "visible");
    expect(next.status).toBe("ok");
  });

  it.each(["typescript", "python"] as const)(
    "%s: cancelled after its turn came but before its code started is RunCancelledError, not crashed",
    async (language) => {
      if (language === "python" && !sandbox.capabilities.python.available) {
        if (process.env.CI === "true") throw new Error(sandbox.capabilities.python.reason);
        console.warn(`skipped: Python cannot run here (${sandbox.capabilities.python.reason})`);
        return;
      }
      const leaving = new AbortController();
      // The queue hands the run its turn at once (nothing else runs); the abort lands before the code is sent.
      const running = sandbox.runTests(question, language, question.coding!.referenceSolution[language]!, "visible", {
        signal: leaving.signal,
      });
      leaving.abort();
      const outcome = await running.then(
        (report) => report.status,
        (err: unknown) => err,
      );
      expect(outcome).toBeInstanceOf(RunCancelledError);
      expect(outcome).toMatchObject({ started: false });
      const next = await sandbox.runTests(question, language, question.coding!.referenceSolution[language]!, "visible");
      expect(next.status).toBe("ok");
    },
  );
});
