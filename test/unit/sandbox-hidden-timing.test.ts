import { afterEach, describe, expect, it, vi } from "vitest";
import { waitUntil, type HiddenHold } from "../../server/sandbox/hidden-hold.js";
import { runQuestionTests } from "../../server/sandbox/run-tests.js";
import { createSandbox, DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { batchWallMs } from "../../server/sandbox/limits.js";
import type { BatchRequest, BatchResult, LanguageRunner } from "../../server/sandbox/types.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

// Candidate code controls how long the hidden batch takes (sleep on a hidden input), so any time that includes it,
// even rounded, lets a candidate read hidden inputs a few bits per submit. The report's time is the visible batch's.
const coding = loadPacksFromDir("scenarios")[0]!.questions.find((q) => q.coding && q.coding.tests.some((t) => !t.visible))!;

/** A runner whose visible batch takes 30 ms and whose hidden batch takes `hiddenMs` (fake time). */
function runner(hiddenMs: number): LanguageRunner {
  const visibleCases = coding.coding!.tests.filter((t) => t.visible).length;
  return {
    run: (request: BatchRequest) =>
      new Promise<BatchResult>((resolve) => {
        request.onStart?.();
        const hidden = request.cases.length !== visibleCases;
        const ms = hidden ? hiddenMs : 30;
        const outcomes = request.cases.map(() => ({ ok: true, value: 0, stdout: "", stderr: "", ms: 1 }));
        setTimeout(() => resolve({ status: "ok", outcomes, processOutput: "", ms }), ms);
      }),
    close: async () => {},
  };
}

async function reportTime(hiddenMs: number): Promise<number> {
  const pending = runQuestionTests(runner(hiddenMs), coding, "python", "def f(): pass", "all");
  await vi.advanceTimersByTimeAsync(hiddenMs + 100);
  const report = await pending;
  expect(report.hiddenTotal).toBeGreaterThan(0);
  return report.ms;
}

afterEach(() => vi.useRealTimers());

describe("a test report's time", () => {
  it("is the visible batch's, whatever the hidden batch took", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    expect(coding.coding!.tests.filter((t) => t.visible).length).not.toBe(coding.coding!.tests.length);
    const times = [await reportTime(10), await reportTime(424), await reportTime(4_000)];
    expect(times).toEqual([30, 30, 30]);
  });
});

/** When a graded run resolves (fake ms after it was asked for), its hidden batch held to a 5 s budget or not. */
async function releasedAfter(hiddenMs: number, held: boolean): Promise<number> {
  // The hold is one fact, in the run's context: there is no flag beside it that could leave it unused.
  const hold: HiddenHold = { budgetMs: () => 5_000, ceilingFactor: 2, until: waitUntil };
  const asked = performance.now();
  let released = Number.NaN;
  const pending = runQuestionTests(runner(hiddenMs), coding, "python", "def f(): pass", "all", held ? { hold } : {}).then(
    (report) => ((released = performance.now() - asked), report),
  );
  await vi.advanceTimersByTimeAsync(12_000);
  await pending;
  return released;
}

// The report's own time was not the only channel: a session's end and its report wait for grading, which runs the
// hidden batch, so the moment they arrive told the candidate what the report's time no longer did.
describe("a graded run's hidden batch", () => {
  it("without the hold, resolves when the hidden batch ends: the channel the hold closes", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    expect([await releasedAfter(10, false), await releasedAfter(424, false), await releasedAfter(4_000, false)]).toEqual([30, 424, 4_000]);
  });

  it("held, resolves at its start plus its whole budget, whatever it took within it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    expect([await releasedAfter(10, true), await releasedAfter(424, true), await releasedAfter(4_000, true)]).toEqual([
      5_000, 5_000, 5_000,
    ]);
  });

  it("held, a run that went past its budget and still ended (its budget extended by waiting for a core) is released at the ceiling", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    expect([await releasedAfter(5_001, true), await releasedAfter(6_000, true), await releasedAfter(9_000, true)]).toEqual([
      10_000, 10_000, 10_000,
    ]);
  });
});

// Grading passes the sandbox's own hold in its run context (server/app.ts): the one fact that says "hold", and the
// limits it holds to are the sandbox's. Before, a flag in the context and a hold passed beside it had to agree.
describe("the sandbox's hidden hold, passed in a run's context", () => {
  const tsCoding = loadPacksFromDir("scenarios")[0]!.questions.find(
    (q) => q.coding?.referenceSolution.typescript && q.coding.tests.some((t) => !t.visible),
  )!;

  it("holds a graded run's hidden batch to this sandbox's budget for its hidden tests; a run without it is not held", async () => {
    const deadlines: number[] = [];
    const sandbox = createSandbox({
      limits: DEFAULT_LIMITS,
      pythonPool: 0,
      typescriptWorkers: 1,
      holdUntil: async (deadline) => void deadlines.push(deadline),
    });
    try {
      const code = tsCoding.coding!.referenceSolution.typescript!;
      const before = performance.now();
      const held = await sandbox.runTests(tsCoding, "typescript", code, "all", { hold: sandbox.hiddenHold });
      expect(held.hiddenTotal).toBeGreaterThan(0);
      expect(held.hiddenPassed).toBe(held.hiddenTotal);
      expect(deadlines).toHaveLength(1);
      // Released at the hidden batch's start plus the budget for its cases under the sandbox's limits.
      const budget = batchWallMs(sandbox.limits, held.hiddenTotal);
      expect(deadlines[0]! - before).toBeGreaterThanOrEqual(budget);
      expect(deadlines[0]! - performance.now()).toBeLessThanOrEqual(budget);
      await sandbox.runTests(tsCoding, "typescript", code, "all");
      expect(deadlines).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });
});
