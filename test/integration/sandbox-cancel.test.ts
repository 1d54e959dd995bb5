import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../../server/sandbox/index.js";
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
    const report = await running;
    expect(report.status).not.toBe("ok");
    expect(report.status).not.toBe("timeout");
    expect(report.passed).toBe(0);
    expect(sandbox.queueStats()[language]?.busy).toBe(0);
    const next = await sandbox.runTests(question, language, question.coding!.referenceSolution[language]!, "visible");
    expect(next.status).toBe("ok");
  });
});
