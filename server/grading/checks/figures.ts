import type { Criterion, Question } from "../../scenarios/index.js";
import { halfUnit, writtenEquations } from "./arithmetic.js";
import { readNumberWords } from "./number-words.js";
import { PERIOD_DAYS as PERIOD } from "./periods.js";
import { statedAsResult } from "./result-position.js";

/** What a stated figure measures, in one base unit each: USD, milliseconds, bytes, tokens, percent, or a count. */
export type Dimension = "money" | "time" | "bytes" | "tokens" | "percent" | "count";
/** A figure written in a text: "$1,980 a month", "1.84 seconds", "108M tokens/day". */
export type StatedFigure = {
  /** In the dimension's base unit (USD, ms, bytes, tokens). */
  value: number;
  dim: Dimension;
  /** Days per period for a rate over time ("a month" 30), "item" for a rate per call or request, null for none. */
  per: number | "item" | null;
  /** The number as written with its k/M/B scale, before the unit: what an equation reads as an operand. */
  raw: number;
  /** How far a rounding of it may be, in base units (half a unit of its last significant digit). */
  rounding: number;
  at: number;
  text: string;
  /** For a count, the word it counts ("5 GPUs": "gpu"): counts of different things never match. */
  noun?: string;
};

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, thousand: 1e3, trillion: 1e12 };
const TIME: Record<string, number> = {
  ms: 1,
  msec: 1,
  millisecond: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  hr: 3_600_000,
  h: 3_600_000,
};
const BYTES: Record<string, number> = { bytes: 1, byte: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };

const FIGURE =
  /(\$|\bUSD\s?|US\$)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s?(k|m|b|bn|million|billion|thousand|trillion)(?![a-z]))?(?:\s?(?:(?:input|output|prompt|completion|total|new|more|extra)\s)?(ms|msec|milliseconds?|secs?|seconds?|s|minutes?|mins?|hours?|hrs?|h|usd|dollars?|cents?|tokens?|tok|kb|mb|gb|tb|bytes?|%|percent)(?![a-z]))?/gi;
const PERIOD_AFTER =
  /^\s?(?:(?:\/|per\s|a\s|an\s|each\s|every\s)\s?(day|d|month|mo|week|wk|year|yr|hour|hr)\b|(daily|monthly|weekly|yearly|annually|hourly)\b|(?:\/|per\s|each\s|an?\s)\s?(call|request|query|question|email|review|receipt|answer|summary|search|session|user|ticket|turn|message|document|doc|conversation)\b)/i;

/** Every figure the text states, with its dimension and period; the text is read with number words as figures. */
export function statedFigures(text: string): StatedFigure[] {
  const out: StatedFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, currency, digits, scaleWord, unitWord] = m;
    if (!digits) continue;
    // A figure glued to letters before it is a name ("gpt4", "p95"), not a quantity.
    if (m.index > 0 && /[a-z_]/i.test(text[m.index - 1]!) && !currency) continue;
    const scale = scaleWord ? SCALE[scaleWord.toLowerCase()]! : 1;
    const written = Number(digits.replace(/,/g, ""));
    const raw = written * scale;
    const unit = unitWord?.toLowerCase().replace(/s$/, "") ?? "";
    let dim: Dimension = "count";
    let factor = 1;
    if (currency || /^(?:usd|dollar)$/.test(unit)) dim = "money";
    else if (unit === "cent") {
      dim = "money";
      factor = 0.01;
    } else if (TIME[unit] !== undefined || (unitWord && TIME[unitWord.toLowerCase()] !== undefined)) {
      dim = "time";
      factor = TIME[unit] ?? TIME[unitWord!.toLowerCase()]!;
    } else if (BYTES[unitWord?.toLowerCase() ?? ""] !== undefined) {
      dim = "bytes";
      factor = BYTES[unitWord!.toLowerCase()]!;
    } else if (unit === "token" || unit === "tok") dim = "tokens";
    else if (unit === "%" || unit === "percent") dim = "percent";
    const end = m.index + whole.length;
    const p = PERIOD_AFTER.exec(text.slice(end, end + 24));
    const per = p ? (p[3] ? "item" : PERIOD[(p[1] ?? p[2])!.toLowerCase()]!) : null;
    const noun =
      dim === "count"
        ? /^\s?([a-z]{2,})/i
            .exec(text.slice(end, end + 24))?.[1]
            ?.toLowerCase()
            .replace(/e?s$/, "")
        : undefined;
    out.push({
      ...(noun ? { noun } : {}),
      value: raw * factor,
      dim,
      per,
      raw,
      rounding: written ? halfUnit(digits) * scale * factor : 0,
      at: m.index,
      text: text.slice(m.index, end + (p ? p[0].length : 0)).trim(),
    });
  }
  return out;
}

/** Whether a stated figure is the target: the same dimension, over the same period once converted, within a rounding. */
export function sameFigure(stated: StatedFigure, target: StatedFigure): boolean {
  if (stated.dim !== target.dim || (stated.dim === "count" && stated.noun !== target.noun)) return false;
  let s = stated.value;
  let t = target.value;
  if (typeof stated.per === "number" && typeof target.per === "number") {
    s /= stated.per;
    t /= target.per;
  } else if (stated.per === "item" ? typeof target.per === "number" : target.per === "item" && typeof stated.per === "number") return false;
  if (t === 0) return s === 0;
  const rounding = Math.min(
    stated.rounding / (typeof stated.per === "number" && typeof target.per === "number" ? stated.per : 1),
    0.1 * Math.abs(t),
  );
  return Math.abs(s - t) <= Math.max(0.03 * Math.abs(t), rounding);
}

/** A stated figure a power of a thousand away from the target: the same figure read at the wrong unit ("per 1K" for "per 1M"). */
export function unitSlip(stated: StatedFigure, target: StatedFigure): boolean {
  if (stated.dim !== target.dim || target.value === 0 || stated.value === 0) return false;
  for (const k of [1e3, 1e6, 1e-3, 1e-6])
    if (sameFigure({ ...stated, value: stated.value / k, rounding: stated.rounding / k }, target)) return true;
  return false;
}

/** Where a figure is a result: right after "=", "≈", "so", "that's", "about", "total" (a few characters back). */
const RESULT_BEFORE =
  /(?:[=≈~→:]|\b(?:so|that'?s|is|are|was|be|about|roughly|around|approximately|nearly|totals?|totalling|total of|comes? to|gives|makes|reach(?:es)?|to|costs?|runs?|lands? at|spends?|bill of)\b)[\s~≈$]*$/i;

/** Whether the figure at `at` in `text` is a result: what a relation, "so" or "about" just before it states. */
export function inResultPosition(text: string, at: number): boolean {
  return RESULT_BEFORE.test(text.slice(Math.max(0, at - 24), at));
}

/** Units a criterion's words ask for, when its text states no figure with a unit. */
const DIM_WORDS: [Dimension, RegExp][] = [
  ["money", /\$|\bcost|\bprice|\bspend|\bbill|\bdollar|\bbudget|\bsaving/i],
  ["time", /\blatenc|\bms\b|\bseconds?\b|\bslow|\bfast|\bresponse time|\bp95|\bp50/i],
  ["tokens", /\btokens?\b/i],
  ["bytes", /\b[kmgt]b\b|\bmemory|\bstorage|\bindex size|\bbytes/i],
];

/** Words after a number that are no noun of what it counts. */
const NOT_NOUN = /^(?:and|or|to|of|in|on|at|by|for|the|a|an|per|x|vs|with|from|into|is|are|was|than|more|less|over|under)$/;

export type Targets = {
  /** The results the question's figures give for this criterion: the exemplars' final figures. */
  finals: StatedFigure[];
  /** Results on the way to them (an operand of a later step, or one part of a total). */
  steps: StatedFigure[];
};

const cache = new WeakMap<Question, WeakMap<Criterion, Targets>>();

/**
 * The figures a right answer to this criterion arrives at, from the question's strong exemplars and the
 * criterion's own text (its description, top anchor and what a strong answer adds): every figure in a result
 * position that is no given of the question, no operand of a calculation written there, and no part of a total
 * stated after it. Only figures of the dimensions the criterion speaks of count (a cost criterion's targets are
 * dollars, a latency budget's milliseconds).
 */
export function criterionTargets(question: Question, criterion: Criterion): Targets {
  let byCriterion = cache.get(question);
  if (!byCriterion) cache.set(question, (byCriterion = new WeakMap()));
  const known = byCriterion.get(criterion);
  if (known) return known;
  const own = [criterion.description, criterion.anchors["4"], criterion.strongAnswerAdds ?? ""].map(readNumberWords).join("\n");
  const exemplars = question.exemplars.filter((e) => e.level === "strong").map((e) => readNumberWords(e.answer));
  const ownFigures = statedFigures(own);
  const dims = new Set<Dimension>(ownFigures.map((f) => f.dim).filter((d) => d !== "count" && d !== "percent"));
  if (!dims.size) for (const [dim, re] of DIM_WORDS) if (re.test(`${criterion.title} ${own}`)) dims.add(dim);
  const givens = question.figures.map((f) => f.value);
  const isGiven = (f: StatedFigure) => givens.some((g) => Math.abs(g - f.raw) <= 0.005 * Math.abs(g));
  const operands: number[] = [];
  const results: { f: StatedFigure; part: boolean }[] = [];
  for (const text of [...exemplars, own]) {
    for (const e of writtenEquations(text)) operands.push(...e.operands);
    const figures = statedFigures(text).filter((f) => statedAsResult(text, f));
    // A run of results of one kind that adds up to the next is its parts: "$1,620 input, $360 output, $1,980 in all".
    const parts = new Set<StatedFigure>();
    figures.forEach((f, j) => {
      let sum = 0;
      for (let i = j - 1; i >= Math.max(0, j - 8); i--) {
        const g = figures[i]!;
        if (g.dim !== f.dim || (g.per !== f.per && g.per !== null)) break;
        sum += g.value;
        if (j - i >= 2 && Math.abs(sum - f.value) <= 0.02 * Math.abs(f.value)) for (let k = i; k < j; k++) parts.add(figures[k]!);
      }
    });
    for (const f of figures) if (!isGiven(f)) results.push({ f, part: parts.has(f) });
  }
  const isOperand = (f: StatedFigure) =>
    operands.some(
      (o) => o !== 0 && [1, 1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9].some((k) => Math.abs(o * k - f.raw) <= 1e-9 * Math.abs(f.raw) + 1e-12),
    );
  // A count is a result only where the criterion's own text counts the same thing ("5 GPUs", "~280 concurrent sequences").
  const counted = new Set(ownFigures.filter((f) => f.dim === "count" && f.noun && !NOT_NOUN.test(f.noun)).map((f) => f.noun));
  const relevant = results.filter(({ f }) =>
    f.dim === "count" ? counted.has(f.noun) : f.dim !== "percent" && (!dims.size || dims.has(f.dim)),
  );
  const targets: Targets = {
    finals: relevant.filter(({ f, part }) => !part && !isOperand(f)).map(({ f }) => f),
    steps: relevant.filter(({ f, part }) => part || isOperand(f)).map(({ f }) => f),
  };
  byCriterion.set(criterion, targets);
  return targets;
}
