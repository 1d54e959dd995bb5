import type { CheckInput, CheckResult } from "./types.js";

/**
 * The candidate's fixed prompt, run on the question's prompt lab, passes more
 * cases than the broken one. Offline it cannot run: the result is skipped
 * (left out of the score) and says why.
 */
export function checkFixWorks({ lab }: CheckInput): CheckResult {
  const label = "the fixed prompt passes more lab cases than the broken one";
  if (!lab || !lab.ran) {
    return {
      label,
      passed: false,
      skipped: true,
      note: `the fixed prompt was not executed (${lab && !lab.ran ? lab.reason : "no model configured"})`,
    };
  }
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const passed = lab.fixedPassRate >= 0.75 && lab.fixedPassRate > lab.brokenPassRate;
  return {
    label,
    passed,
    note: `run on ${lab.cases} cases: the fixed prompt passed ${pct(lab.fixedPassRate)}, the broken one ${pct(lab.brokenPassRate)}`,
  };
}
