import type { Figure } from "../../scenarios/index.js";
import { writtenEquations } from "./arithmetic.js";
import type { CheckResult } from "./types.js";

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en-US") : Number(n.toPrecision(3)).toString());

/**
 * Quantitative reasoning: the candidate wrote out at least one calculation
 * that starts from the question's figures and gets the arithmetic right.
 * A wrong result is reported as a slip (with the right value), not credited.
 */
export function checkQuantitative(answer: string, figures: Figure[]): CheckResult {
  const label = "a worked estimate from the question's figures";
  const equations = writtenEquations(answer);
  const grounded = equations.filter((e) => e.operands.some((o) => figures.some((f) => sameNumber(f.value, o))));
  const good = grounded.find((e) => e.correct);
  if (good) return { label, passed: true, quote: good.text, note: `the arithmetic checks out (${fmt(good.computed)})` };
  const slip = grounded.find((e) => !e.correct) ?? equations.find((e) => !e.correct);
  if (slip)
    return { label, passed: false, note: `arithmetic slip: "${slip.text}" works out to ${fmt(slip.computed)}, not ${fmt(slip.stated)}` };
  if (equations.some((e) => e.correct))
    return { label, passed: false, note: "the calculations shown do not start from the question's figures" };
  return { label, passed: false, note: "no worked calculation from the question's figures" };
}
