import type { Figure } from "../../scenarios/index.js";
import type { Equation } from "./arithmetic.js";

/**
 * A wrong step in an estimate's chain (session 19, `wrong9`): what the step says, and what it should say. An outside
 * audit scored estimates whose first step was right and a later one wrong 77.4 against a human 43.3: a right first
 * step earned the worked estimate whatever followed. A step is wrong when
 * - its arithmetic is (an `Equation` that is not `correct`, a unit conversion included: "48,000 s is 800 hours");
 * - it reads a price the question gives per 1M tokens per thousand ("2,500 × $1.00/1,000 = $2.50");
 * - it applies a discount the wrong way: a "50% cheaper" or "50% off" step that makes the figure larger
 *   ("$20.85 / 0.5 = $41.70 with the batch discount"), or an overhead stated as the total that makes it smaller.
 * Each reading is the arithmetic of the words next to the step, never a list of expected answers.
 */
export type StepSlip = { text: string; stated: number; should: number; why: string };

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en-US") : Number(n.toPrecision(3)).toString());

/** A price the question states per million tokens: its unit says "per 1M" (or "/1M", "per million"). */
const PER_MILLION_UNIT = /per\s?1\s?m\b|\/\s?1\s?m\b|per million|per 1,000,000/i;
/** "per 1K", "/1,000", "per thousand": a price read per thousand tokens. */
const PER_THOUSAND = /\/\s?1,?000\b|\/\s?1\s?k\b|\bper\s(?:1\s?k|1,?000|thousand)\b/i;
const MILLION = /\b1\s?m\b|\bmillion\b|1,000,000/i;

/** Words that say a percentage takes something off: a discount, a cut, a saving. */
const REDUCTION = /\b(?:discount\w*|cheaper|off|cut|cuts|less|lower|reduc\w*|sav(?:e|es|ing|ings))\b/i;
/** Words that say a percentage comes on top, and that the figure stated is the whole. */
const INCREASE = /\b(?:overhead|on top|extra|more|increase\w*|adds?)\b/i;
const WHOLE = /\b(?:total|in total|overall|altogether|in all|all told)\b/i;
// Starts at a figure's first digit: inside a run of digits with no "%" after it, a start at every digit made the search
// quadratic in the run's length (a review of session 19 measured 17 s extrapolated for 100,000 digits).
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|percent\b)/gi;

/** A value in the unit the step wrote its result in: "$0.08", "120 MB", "13.3 hours". */
const inUnit = (n: number, e: Equation) =>
  !e.unit ? fmt(n) : e.unit.name === "$" ? `$${fmt(n)}` : `${fmt(n / e.unit.scale)} ${e.unit.name}`;

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every wrong step of the answer's calculations, in order. `text` is the answer the equations were read from. */
export function stepSlips(text: string, equations: Equation[], figures: Figure[]): StepSlip[] {
  const slips: StepSlip[] = [];
  const perMillion = figures.filter((f) => f.unit && PER_MILLION_UNIT.test(f.unit)).map((f) => f.value);
  const givenPercents = figures.filter((f) => f.unit && /percent|%/i.test(f.unit)).map((f) => f.value);
  const sentenceAt = sentenceFinder(text);
  for (const e of equations) {
    if (!e.correct) {
      slips.push({
        text: e.text,
        stated: e.stated,
        should: e.computed,
        why: e.conversion
          ? `a unit slip: "${e.text}" converts to ${inUnit(e.computed, e)}, not ${inUnit(e.stated, e)}`
          : `an arithmetic slip: "${e.text}" works out to ${inUnit(e.computed, e)}, not ${inUnit(e.stated, e)}`,
      });
      continue;
    }
    const sentence = sentenceAt(e.at);
    // A price per 1M divided by a thousand: the figure is a thousand times too large.
    if (
      perMillion.some((p) => e.operands.some((o) => near(o, p))) &&
      PER_THOUSAND.test(sentence) &&
      !MILLION.test(e.text) &&
      !e.operands.some((o) => near(o, 1e6))
    ) {
      slips.push({
        text: e.text,
        stated: e.stated,
        should: e.stated / 1000,
        why: `a unit slip: "${e.text}" reads a price per 1M tokens as per thousand, so it should be ${inUnit(e.stated / 1000, e)}`,
      });
      continue;
    }
    const direction = percentDirection(e, sentence, givenPercents);
    if (direction) slips.push(direction);
  }
  return slips;
}

/**
 * A step of two operands, a figure and a percentage's factor (p/100, 1 - p/100 or 1 + p/100), that moves the figure
 * the wrong way for what the sentence says the percentage does.
 */
function percentDirection(e: Equation, sentence: string, givenPercents: number[]): StepSlip | null {
  if (e.operands.length !== 2 || e.conversion) return null;
  const percents = [...givenPercents, ...[...sentence.matchAll(PERCENT)].map((m) => Number(m[1]))].filter((p) => p > 0 && p < 100);
  if (!percents.length) return null;
  for (const [i, factor] of e.operands.entries()) {
    const base = e.operands[1 - i]!;
    const p = percents.find((q) => [q / 100, 1 - q / 100, 1 + q / 100].some((f) => near(f, factor)));
    if (p === undefined || base <= 0) continue;
    const reduces = REDUCTION.test(sentence);
    const adds = INCREASE.test(sentence) && WHOLE.test(sentence);
    if (reduces === adds) return null;
    if (reduces && e.computed > base)
      return {
        text: e.text,
        stated: e.stated,
        should: base * (1 - p / 100),
        why: `a percentage the wrong way: "${e.text}" makes the figure larger, but ${p}% off ${inUnit(base, e)} is ${inUnit(base * (1 - p / 100), e)}`,
      };
    if (adds && e.computed < base)
      return {
        text: e.text,
        stated: e.stated,
        should: base * (1 + p / 100),
        why: `a percentage the wrong way: "${e.text}" makes the figure smaller, but ${inUnit(base, e)} with ${p}% on top is ${inUnit(base * (1 + p / 100), e)}`,
      };
    return null;
  }
  return null;
}

/** At most this many characters each side of a step are its sentence: a "sentence" of an answer with no full stop is not read whole per step. */
const MAX_SENTENCE_REACH = 600;

/**
 * The sentence of `text` around an offset (a "." inside "$0.50" ends none). Its ends are found once per text and
 * looked up per step: re-reading the text before each step made an answer of many steps quadratic (a review of
 * session 19 found it). A sentence is what lies between a full stop, semicolon, "!" or "?" followed by a space, or a
 * line break, and the next one.
 */
function sentenceFinder(text: string): (at: number) => string {
  /** Where a sentence may start (after a mark and its space, or a line break) and where one ends (a mark or a line break). */
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/[.;!?](?=\s|$)|\n/g)) {
    ends.push(m.index);
    starts.push(m[0] === "\n" ? m.index + 1 : m.index + 2);
  }
  return (at) => {
    // The last start at or before `at`, and the first end at or after it.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    const start = lo > 0 ? starts[lo - 1]! : 0;
    lo = 0;
    hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    const end = lo < ends.length ? ends[lo]! + 1 : text.length;
    return text.slice(Math.max(start, at - MAX_SENTENCE_REACH), Math.min(end, at + MAX_SENTENCE_REACH));
  };
}
