import type { TestReport } from "../contracts/tests.js";

/** A report is stored with the session and sent to the candidate: its size is capped. */
export const REPORT_MAX_BYTES = 512 * 1024;
/** A visible test's actual value is shown up to this size; the comparison used the whole value. */
export const ACTUAL_MAX_BYTES = 16 * 1024;

const size = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "");

/**
 * Keep a report within REPORT_MAX_BYTES after pass/fail is decided: large actual
 * values are replaced by a note of their size, then outputs are cut, later tests
 * first. The verdicts and counts are never changed.
 */
export function capReport(report: TestReport, maxBytes = REPORT_MAX_BYTES): TestReport {
  const results = report.results.map((r) => {
    if (!r.visible || r.actual === undefined) return r;
    const bytes = size(r.actual);
    return bytes > ACTUAL_MAX_BYTES ? { ...r, actual: `[a value of ${Math.ceil(bytes / 1024)} KiB; too large to show]` } : r;
  });
  let capped: TestReport = { ...report, results };
  for (let i = results.length - 1; i >= 0 && size(capped) > maxBytes; i--) {
    const r = results[i]!;
    if (!r.visible) continue;
    results[i] = {
      ...r,
      stdout: r.stdout ? "[output not kept: the report was too large]" : "",
      stderr: r.stderr ? "[output not kept: the report was too large]" : "",
    };
    capped = { ...report, results };
  }
  return capped;
}
