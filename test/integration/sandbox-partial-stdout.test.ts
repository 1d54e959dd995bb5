import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../../server/sandbox/index.js";
import { QuestionSchema } from "../../server/scenarios/index.js";
import { addQuestion } from "../helpers/coding-question.js";

/**
 * A Python run the server stops at its wall-clock budget keeps what the test cut short
 * had printed (an outside test saw "stdout": "" where TypeScript kept its output).
 * Sleeping code uses no CPU, so only the wall-clock budget ends it: the sandbox stops it.
 */
const base = addQuestion();
const question = QuestionSchema.parse({
  ...base,
  coding: {
    ...base.coding,
    tests: [
      { name: "one", args: [1, 2], expected: 3, visible: true },
      { name: "two", args: [2, 2], expected: 4, visible: true },
    ],
  },
});
let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox({ limits: { ...DEFAULT_LIMITS, perTestMs: 300 }, pythonPool: 1, typescriptWorkers: 1 });
});
afterAll(() => sandbox.close());

const pythonHere = () => {
  if (sandbox.capabilities.python.available) return true;
  if (process.env.CI === "true") throw new Error(sandbox.capabilities.python.reason);
  console.warn(`Python cannot run here (${sandbox.capabilities.python.reason})`);
  return false;
};

describe("stdout of a stopped Python run", () => {
  it("the test cut short keeps what it printed; the finished one keeps exactly its own", async () => {
    if (!pythonHere()) return;
    const code = "import time\ndef f(a, b):\n    print('before the wait', a)\n    if a == 2:\n        time.sleep(600)\n    return a + b\n";
    const report = await sandbox.runTests(question, "python", code, "visible");
    expect(report.status).toBe("timeout");
    const [one, two] = report.results;
    expect(one).toMatchObject({ passed: true, stdout: "before the wait 1\n" });
    expect(two).toMatchObject({ passed: false, stdout: "before the wait 2\n", error: "time limit exceeded (the run was stopped)" });
  });

  it("a module stopped while loading shows its top-level output on the first test", async () => {
    if (!pythonHere()) return;
    const code = "import time\nprint('loading')\ntime.sleep(600)\ndef f(a, b):\n    return a + b\n";
    const report = await sandbox.runTests(question, "python", code, "visible");
    expect(report.status).toBe("timeout");
    expect(report.results.map((r) => ("stdout" in r ? r.stdout : null))).toEqual(["loading\n", ""]);
  });
});
