import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../../server/sandbox/index.js";
import { QuestionSchema } from "../../server/scenarios/index.js";
import { createPythonRunner } from "../../server/sandbox/python/runner.js";
import { detectCapabilities } from "../../server/sandbox/capabilities.js";
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
    // 12 tests of 300 ms each would take 3.6 s; the run stops at its CPU budget (Python: the kernel's whole
    // second; TypeScript: 0.5 s of the worker thread's CPU time), so the last tests were never reached.
    expect(errors.at(-1)).toBe("time limit exceeded (the run was stopped)");
    // On a host so loaded that the loop cannot get that much CPU within twice the wall budget (load 25 on two
    // cores did it), the run stops at that ceiling instead, and says so; it is never "wall" (a sleeping program).
    expect(["cpu", "ceiling"]).toContain(report.budgetSpent);
    // At the ceiling the main thread may end the run itself (the starved worker could not answer in time): then no
    // test has its own verdict and every one says the run was stopped.
    const firstAllowed =
      report.budgetSpent === "ceiling"
        ? ["time limit exceeded for this test", "time limit exceeded (the run was stopped)"]
        : ["time limit exceeded for this test"];
    if (language === "typescript") expect(firstAllowed).toContain(errors[0]);
  });

  it("typescript: a run whose tests all finish in time is ok, and the worker serves the next run", async () => {
    const report = await sandbox.runTests(question, "typescript", base.coding!.referenceSolution!.typescript!, "visible");
    expect(report.status).toBe("ok");
    expect(report.passed).toBe(12);
  });
});

describe("a Python run on a loaded host (the kernel's numbers and the clock injected; the process is real)", () => {
  it("a run that waited for a core is not stopped at its wall budget, only at twice it, and the report says 'ceiling'", async (ctx) => {
    if (!detectCapabilities().python.available) return ctx.skip();
    let now = 0;
    const due: { at: number; run: () => void }[] = [];
    let watching: () => void = () => undefined;
    const watched = new Promise<void>((resolve) => (watching = resolve));
    const runner = createPythonRunner({
      limits,
      poolSize: 1,
      budget: {
        // Starved: 90% of the wall time spent waiting for a core.
        readerFor: () => () => ({ cpuMs: now * 0.1, waitMs: now * 0.9 }),
        timers: {
          now: () => now,
          after: (ms, run) => {
            const entry = { at: now + ms, run };
            due.push(entry);
            watching();
            return () => void due.splice(due.indexOf(entry), 1);
          },
        },
      },
    });
    const advanceTo = (to: number) => {
      for (let next = due.sort((a, b) => a.at - b.at)[0]; next && next.at <= to; next = due.sort((a, b) => a.at - b.at)[0]) {
        due.shift();
        now = next.at;
        next.run();
      }
      now = to;
    };
    try {
      let finished = false;
      const run = runner
        .run({ language: "python", code: "import time\ndef f(a, b):\n    time.sleep(60)\n", entrypoint: "f", cases: [{ args: [1, 2] }] })
        .finally(() => (finished = true));
      await watched;
      const wallMs = 300 + 1500; // batchWallMs for one test of 300 ms
      advanceTo(wallMs);
      await new Promise((r) => setImmediate(r));
      expect(finished, "stopped at the plain wall budget though it waited for a core").toBe(false);
      advanceTo(2 * wallMs);
      const result = await run;
      expect(result.status).toBe("timeout");
      // Starved, not sleeping: the report names the ceiling it reached ("wall" read as "your code slept").
      expect(result.budgetSpent).toBe("ceiling");
      expect(result.outcomes[0]!.error).toBe("time limit exceeded (the run was stopped)");
    } finally {
      await runner.close();
    }
  });
});
