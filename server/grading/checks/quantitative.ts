import type { Criterion, Figure, Question } from "../../scenarios/index.js";
import { type Equation, writtenEquations } from "./arithmetic.js";
import { criterionTargets, sameFigure, statedFigures, unitSlip, type StatedFigure } from "./figures.js";
import { readNumberWords } from "./number-words.js";
import { statedAsResult } from "./result-position.js";
import { statedDifferences } from "./stated-differences.js";
import { stepSlips, type StepSlip } from "./step-slips.js";
import type { CheckResult } from "./types.js";

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en-US") : Number(n.toPrecision(3)).toString());

const derived = new WeakMap<Figure[], (operand: number) => boolean>();
/** Scales a figure's unit may hide: "per 1M tokens", "per thousand requests". */
const SCALES = [1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9];

/**
 * The question's figures and what the first step of an estimate makes of them: the product of two or
 * more figures, at a unit's scale. "$450 input + $360 output = $810" starts from 2M requests × 1,500
 * tokens × $0.15 per 1M, written as its result; a calculation chained that way starts from the figures.
 */
function derivedValues(figures: Figure[]): number[] {
  const values = figures.map((f) => f.value).filter((v) => v !== 0);
  const products: number[] = [];
  // Products of two to four of the first eight figures: an estimate's first step multiplies a few of them,
  // and every product more is another number an unrelated calculation could match by chance.
  const n = Math.min(values.length, 8);
  for (let mask = 1; mask < 1 << n; mask++) {
    const size = mask.toString(2).replace(/0/g, "").length;
    if (size < 2 || size > 4) continue;
    let p = 1;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) p *= values[i]!;
    products.push(p);
  }
  return [...values, ...products.flatMap((p) => SCALES.map((s) => p * s))];
}

/**
 * Whether a number is the same (sameNumber) as one of `values`, found by binary search in the sorted values
 * rather than compared with each of them (a thousand or more for eight figures, per operand of an answer).
 * Within 1% of x means within [0.99x, x/0.99] (swapped below zero); the edges are widened a hair against
 * rounding and sameNumber decides.
 */
function nearAny(values: number[]): (x: number) => boolean {
  const sorted = Float64Array.from(values).sort();
  return (x: number) => {
    if (!Number.isFinite(x)) return values.some((v) => sameNumber(v, x));
    const [lo, hi] = x >= 0 ? [x * 0.99, x / 0.99] : [x / 0.99, x * 0.99];
    const from = lowerBound(sorted, lo - Math.abs(lo) * 1e-9);
    for (let i = from; i < sorted.length && sorted[i]! <= hi + Math.abs(hi) * 1e-9; i++) if (sameNumber(sorted[i]!, x)) return true;
    return false;
  };
}

/** The first index of `sorted` whose value is at least `x`. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The equations and wrong steps of one answer, kept for the last answer read: both checks below read them. */
let last: { answer: string; figures: Figure[]; equations: Equation[]; slips: StepSlip[] } | null = null;
function chainOf(answer: string, figures: Figure[]): { equations: Equation[]; slips: StepSlip[] } {
  if (last?.answer !== answer || last.figures !== figures) {
    const text = readNumberWords(answer);
    const equations = writtenEquations(text);
    last = { answer, figures, equations, slips: stepSlips(text, equations, figures) };
  }
  return last;
}

/**
 * Quantitative reasoning: the candidate wrote out at least one calculation that starts from the question's figures,
 * and no step of the chain is wrong (session 19: a right first step next to a wrong later one earned this, and wrong
 * estimates scored 77 against a human 43). A wrong step (step-slips.ts) is reported with what it should be.
 */
export function checkQuantitative(answer: string, figures: Figure[]): CheckResult {
  const label = "a worked estimate from the question's figures";
  const { equations, slips } = chainOf(answer, figures);
  let known = derived.get(figures);
  if (!known) derived.set(figures, (known = nearAny(derivedValues(figures))));
  const grounded = equations.filter((e) => e.operands.some(known));
  const slip = slips[0];
  if (slip) return { label, passed: false, note: slip.why };
  const good = grounded.find((e) => e.correct);
  if (good) return { label, passed: true, quote: good.text, note: `the arithmetic checks out (${fmt(good.computed)})` };
  if (equations.some((e) => e.correct))
    return { label, passed: false, note: "the calculations shown do not start from the question's figures" };
  return { label, passed: false, note: "no worked calculation from the question's figures" };
}

/**
 * The result the question's figures give: the answer states one of the figures the strong exemplars arrive at for
 * this criterion (criterionTargets), in any unit that converts (ms or s, k or M, per day or per month), within a
 * rounding. A right step on the way ("108M tokens a day") earns the worked estimate above, not this; a total
 * short of a part ("$1,620 a month" where input and output make $1,980) or the right figure at the wrong unit
 * ("$54,000 a day" for $54) is not the result. Only sentences that make a claim are read (`claims`), so a string
 * of figures without their reasoning states no result. Skipped where the exemplars derive no figure.
 */
export function checkResultFigure(answer: string, question: Question, criterion: Criterion, claims?: string): CheckResult {
  const label = "the result the question's figures give";
  const { finals, steps } = criterionTargets(question, criterion);
  if (!finals.length) return { label, passed: false, skipped: true, note: "the exemplars derive no result to compare with" };
  const text = readNumberWords(claims ?? answer);
  // A figure stated as a result ("= $66", "so about 1.84 s", "comes to $1,980"), not one listed among others.
  // A figure the question gives ("inside the 1,200 ms target") is no result the answer arrived at, however close
  // to one it lies (1,240 ms within the rounding of "1,200").
  const givens = question.figures.map((f) => f.value);
  const stated = statedFigures(text).filter(
    (f) => statedAsResult(text, f) && !givens.some((g) => Math.abs(g - f.raw) <= 0.005 * Math.abs(g)),
  );
  const hit = stated.find((s) => finals.some((t) => sameFigure(s, t)));
  if (hit) {
    const target = finals.find((t) => sameFigure(hit, t))!;
    // A right total next to a wrong overrun, excess or ratio ("1,840 ms, 540 ms over the 1,200 ms budget") has
    // the working wrong: capped as a wrong result is.
    const slip = statedDifferences(text, givenFigures(question)).find((d) => !d.correct);
    if (slip)
      return {
        label,
        passed: false,
        cap: WRONG_RESULT_CAP,
        note: `${hit.text} is right, but "${slip.text}" works out to ${fmt(Math.abs(slip.computed))}, not ${fmt(Math.abs(slip.stated))}`,
      };
    // A right figure next to a wrong step of the chain (a slip, a price read per thousand, a discount the wrong
    // way): what follows the wrong step is wrong, so the working does not give the result.
    const step = chainOf(answer, question.figures).slips[0];
    if (step)
      return {
        label,
        passed: false,
        cap: WRONG_RESULT_CAP,
        note: `${hit.text} is right, but the working has a wrong step, so it does not give the result`,
      };
    return { label, passed: true, quote: hit.text, note: `${hit.text} is the figure the question's givens produce (${target.text})` };
  }
  const want = finals
    .slice(0, 2)
    .map((f) => f.text)
    .join(" or ");
  // A result of the kind the criterion asks for that is not the one the givens produce: the level that says
  // "right total" is out of reach, whatever else is right (a right step earns the worked estimate).
  const wrong = stated.filter((s) => finals.some((t) => t.dim === s.dim && (t.dim !== "count" || t.noun === s.noun)));
  const cap = wrong.length ? { cap: WRONG_RESULT_CAP } : {};
  const slip = wrong.find((s) => [...finals, ...steps].some((t) => unitSlip(s, t)));
  if (slip) {
    const t = [...finals, ...steps].find((f) => unitSlip(slip, f))!;
    return { label, passed: false, ...cap, note: `${slip.text} is ${t.text} at the wrong unit (a factor of a thousand or more off)` };
  }
  const step = [...wrong].reverse().find((s) => steps.some((t) => sameFigure(s, t)));
  if (step) return { label, passed: false, ...cap, note: `${step.text} is a step on the way, not the result (${want})` };
  if (wrong.length)
    return { label, passed: false, ...cap, note: `${wrong.at(-1)!.text} is not what the question's givens produce (${want})` };
  return { label, passed: false, note: `no stated result matches what the question's givens produce (${want})` };
}

const givens = new WeakMap<Question, StatedFigure[]>();
/** The question's figures as stated figures with their units ("1200 ms"): what a bare "over budget" may be measured against. */
function givenFigures(question: Question): StatedFigure[] {
  let out = givens.get(question);
  if (!out) givens.set(question, (out = question.figures.flatMap((f) => statedFigures(`${f.value} ${f.unit ?? ""}`).slice(0, 1))));
  return out;
}

/** The highest level a criterion reaches when its stated result is not the one the question's figures give. */
export const WRONG_RESULT_CAP = 2;
