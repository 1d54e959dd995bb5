import { describe, expect, it } from "vitest";
import type { TestReport } from "../../server/contracts/tests.js";
import { ACTUAL_MAX_BYTES, capReport, REPORT_MAX_BYTES } from "../../server/sandbox/report-cap.js";

const visible = (i: number, actual: unknown, output: string) => ({
  name: `t${i}`,
  visible: true as const,
  passed: i % 2 === 0,
  args: [i],
  expected: i,
  actual,
  stdout: output,
  stderr: output,
  ms: 1,
});

function report(results: TestReport["results"]): TestReport {
  const passed = results.filter((r) => r.passed).length;
  return {
    language: "python",
    scope: "all",
    passed,
    total: results.length,
    hiddenPassed: 0,
    hiddenTotal: 1,
    status: "ok",
    results,
    ms: 10,
  };
}

describe("the stored report's size cap", () => {
  it("replaces a huge actual value by its size and cuts outputs, later tests first, never touching verdicts", () => {
    const big = report([
      visible(0, "x".repeat(900_000), "a".repeat(60_000)),
      ...Array.from({ length: 6 }, (_, i) => visible(i + 1, i, "b".repeat(64 * 1024))),
      { name: "hidden", visible: false, passed: true },
    ]);
    const capped = capReport(big);
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(REPORT_MAX_BYTES);
    const first = capped.results[0]!;
    expect(first.visible && first.actual).toBe("[a value of 879 KiB; too large to show]");
    expect(first.visible && first.stdout).toBe("a".repeat(60_000)); // earlier outputs kept
    const last = capped.results[6]!;
    expect(last.visible && last.stdout).toMatch(/output not kept/);
    expect(capped.results.map((r) => r.passed)).toEqual(big.results.map((r) => r.passed));
    expect([capped.passed, capped.total, capped.hiddenPassed]).toEqual([big.passed, big.total, big.hiddenPassed]);
  });

  it("leaves a small report as it is", () => {
    const small = report([visible(0, [1, 2, 3], "hi"), visible(1, "y".repeat(ACTUAL_MAX_BYTES - 10), "")]);
    expect(capReport(small)).toEqual(small);
  });
});
