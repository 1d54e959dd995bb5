import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../../server/sandbox/index.js";
import { QuestionSchema } from "../../server/scenarios/index.js";
import { addQuestion } from "../helpers/coding-question.js";

/**
 * A run of endless loops ends at the run's time budget (the CPU limit) in both languages, says so in its status,
 * and names the tests it never reached the same way; TypeScript used to spend the per-test limit on every test and
 * end "crashed" (the worker "stopped responding") or "ok".
 */
const base = addQuestion();
const question = QuestionSchema.parse({
  ...base,
  id: "add-many",
  coding: {
    ...base.coding,
    tests: Array.from({ length: 12 }, (_, i) => ({ name: `case ${i}`, args: [i, 1], expected: i + 1, visible: true })),
  },
});
const limits = { ...DEFAULT_LIMITS, perTestMs: 300, cpuSeconds: 0.5 };
const LOOPS = {
  python: "def f(a, b):\n    while True:\n        pass\n",
  typescript: "export function f(a: number, b: number) { while (true) {} }",
};
let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox({ limits, pythonPool: 1, typescriptWorkers: 1 });
});
afterAll(() => sandbox.close());

describe("a run's time budget", () => {
  it.each(["typescript", "python"] as const)("%s: endless loops stop at the run's budget with status timeout", async (language) => {
    if (language === "python" && !sandbox.capabilities.python.available) {
      if (process.env.CI === "true") throw new Error(sandbox.capabilities.python.reason);
      console.warn(`skipped: Python cannot run here (${sandbox.capabilities.python.reason})`);
      return;
    }
    const report = await sandbox.runTests(question, language, LOOPS[language], "visible");
    expect(report.status).toBe("timeout");
    expect(report.passed).toBe(0);
    const errors = report.results.map((r) => (r.visible ? r.error : undefined));
    // 12 tests of 300 ms each would take 3.6 s; the run stops at its budget (Python: 1 CPU second; TypeScript: the
    // batch's wall budget, 2.5 s), so the last tests were never reached.
    expect(errors.at(-1)).toBe("time limit exceeded (the run was stopped)");
    if (language === "typescript") expect(errors[0]).toBe("time limit exceeded for this test");
  });

  it("typescript: a run whose tests all finish in time is ok, and the worker serves the next run", async () => {
    const report = await sandbox.runTests(question, "typescript", base.coding!.referenceSolution!.typescript!, "visible");
    expect(report.status).toBe("ok");
    expect(report.passed).toBe(12);
  });
});
