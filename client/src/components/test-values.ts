import type { TestReport, TestResult } from "../../../server/contracts/index.js";

/** A visible test's full result (input, expected, actual, output). */
export type VisibleTestResult = Extract<TestResult, { visible: true }>;
/** A hidden test's result: name and pass/fail only. */
export type HiddenTestResult = Extract<TestResult, { visible: false }>;

export const isVisibleResult = (r: TestResult): r is VisibleTestResult => r.visible;
export const isHiddenResult = (r: TestResult): r is HiddenTestResult => !r.visible;

/** A test value as JSON, the way the tests are written; `undefined` (no value) spelled out. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A call's arguments, comma-separated, one per line when they are long. */
export function formatArgs(args: unknown[]): string {
  const parts = args.map(formatValue);
  const oneLine = parts.join(", ");
  return oneLine.length <= 80 ? oneLine : parts.join(",\n");
}

/** Why a run stopped early, in the candidate's words; null when it ran to the end. */
export function runStatusText(status: TestReport["status"], budgetSpent?: TestReport["budgetSpent"]): string | null {
  switch (status) {
    case "ok":
      return null;
    case "timeout":
      switch (budgetSpent) {
        case "wall":
          return "The run was stopped: it took longer than the time limit while using little CPU (waiting or sleeping?).";
        case "ceiling":
          return "The run was stopped at the longest a run may take (twice the time limit): the server was busy, so it waited for a CPU core, and it had still not finished (an endless loop, or very slow code?).";
        default:
          return "The run was stopped: it used up its CPU time limit (an endless loop, or very slow code?).";
      }
    case "crashed":
      return "The program crashed before every test finished.";
    case "output-limit":
      return "The run was stopped: the program printed more output than allowed.";
    case "compile-error":
      return "The code did not compile; see the errors below.";
  }
}
