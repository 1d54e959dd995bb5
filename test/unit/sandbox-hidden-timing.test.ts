import { afterEach, describe, expect, it, vi } from "vitest";
import { runQuestionTests } from "../../server/sandbox/run-tests.js";
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
