import type { Criterion, Question } from "../../scenarios/index.js";
import { findTerm } from "../match.js";
import { criterionTargets, sameFigure, statedFigures, type StatedFigure } from "./figures.js";
import { readNumberWords } from "./number-words.js";
import { statedAsResult } from "./result-position.js";

/**
 * Key points that are computed quantities (session 17, `plain6`). On a criterion with the `quantitative` check, a key
 * point such as "output cost" is what the strong exemplars compute for it: the figures stated as results in their
 * segments naming the point's terms ("Output: 1.2M × 100 = 120M output tokens, and 120M × $4.00/1M = $480 a month":
 * 120M tokens, $480 a month), when those figures are among the criterion's targets (figures.ts). Such a point is
 * - **met by its figure**: the answer's claims state one of those figures (within rounding, periods converted), in a
 *   segment that names no other key point of the criterion, whatever words say what it is ("what comes back is 120
 *   million tokens, $480");
 * - **contradicted by a wrong figure**: a segment naming the point (and no other) states, as a result, a sum of money
 *   the reference computes for it, comparable in period, none of that segment's sums agrees ("Output: 120M tokens ×
 *   $4.00/1M = $48"), and no figure of the point agrees anywhere in the answer. Its term then earns nothing, and the
 *   criterion cannot reach its top level (`WRONG_PART_CAP`).
 * Why: an outside audit's estimate with a wrong output cost scored 90 against a human's 45 (the term "output" met the
 * point), and one that reached the right totals in plain words scored 0 against 75 (no term named).
 */
export type FigureReading = {
  /** Key points the answer states by their figure: the label and the figure quoted. */
  met: { label: string; quote: string }[];
  /** Key points stated with a wrong figure: the label, what was stated and what the reference computes. */
  wrong: { label: string; stated: string; want: string }[];
};

/** The most a criterion earns when one of its computed key points is stated with a wrong figure. */
export const WRONG_PART_CAP = 3;

const NONE: FigureReading = { met: [], wrong: [] };
/** A segment: a sentence or a clause after a semicolon (an estimate's parts are often one per clause). */
const SEGMENT_END = /[.!?](?=\s+\D)|;|\n/g;

type Segment = { text: string; at: number };
function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  for (const end of [...[...text.matchAll(SEGMENT_END)].map((m) => m.index), text.length]) {
    if (end > from) out.push({ text: text.slice(from, end), at: from });
    from = end + 1;
  }
  return out;
}

const names = (segment: string, terms: readonly string[]) => {
  const lower = segment.toLowerCase();
  return terms.some((t) => findTerm(lower, t.toLowerCase()) >= 0);
};

/**
 * Figures a wrong one is read against: the same kind, the same kind of period (per call with per call only; a period
 * and none are read alike, "$48" against "$480 a month"), and within a factor of MAX_SLIP of each other, per day. Further apart, the answer is most likely stating
 * another quantity of the point ("6,000 tokens" per call beside "108M tokens" a day), not a wrong one.
 */
const MAX_SLIP = 20;
const comparable = (a: StatedFigure, b: StatedFigure) =>
  a.dim === b.dim &&
  (a.per === "item") === (b.per === "item") &&
  perDay(a, b) > 0 &&
  perDay(b, a) > 0 &&
  Math.max(perDay(a, b) / perDay(b, a), perDay(b, a) / perDay(a, b)) <= MAX_SLIP;
const perDay = (f: StatedFigure, other: StatedFigure) =>
  Math.abs(typeof f.per === "number" && typeof other.per === "number" ? f.value / f.per : f.value);

type PointFigures = { label: string; terms: readonly string[]; figures: StatedFigure[] };
const cache = new WeakMap<Question, WeakMap<Criterion, PointFigures[]>>();

/** Each key point's reference figures, read once per question and criterion. */
function pointFigures(question: Question, criterion: Criterion): PointFigures[] {
  let byCriterion = cache.get(question);
  if (!byCriterion) cache.set(question, (byCriterion = new WeakMap()));
  const known = byCriterion.get(criterion);
  if (known) return known;
  const { finals, steps } = criterionTargets(question, criterion);
  const targets = [...finals, ...steps];
  const givens = question.figures.map((f) => f.value);
  const isGiven = (f: StatedFigure) => givens.some((g) => Math.abs(g - f.raw) <= 0.005 * Math.abs(g));
  const concepts = criterion.evidence.concepts;
  const strong = question.exemplars.filter((e) => e.level === "strong").map((e) => readNumberWords(e.answer));
  const out: PointFigures[] = concepts.map((k) => ({ label: k.label, terms: k.terms, figures: [] }));
  for (const text of strong)
    for (const s of segmentsOf(text)) {
      const named = concepts.map((k) => names(s.text, k.terms));
      if (named.filter(Boolean).length !== 1) continue;
      const point = out[named.indexOf(true)]!;
      for (const f of statedFigures(s.text))
        if (statedAsResult(s.text, f) && !isGiven(f) && targets.some((t) => sameFigure(f, t))) point.figures.push(f);
    }
  // A figure two points share tells neither apart.
  const kept = out.map((p) => ({
    ...p,
    figures: p.figures.filter((f) => !out.some((o) => o !== p && o.figures.some((g) => sameFigure(f, g)))),
  }));
  byCriterion.set(criterion, kept);
  return kept;
}

/** What the answer's claims say of the criterion's computed key points (see above). */
export function figureConcepts(question: Question, criterion: Criterion, claims: string | undefined, answer = claims): FigureReading {
  if (!claims || !criterion.evidence.checks?.includes("quantitative") || !question.figures.length) return NONE;
  const points = pointFigures(question, criterion).filter((p) => p.figures.length);
  if (!points.length) return NONE;
  const givens = question.figures.map((f) => f.value);
  const isGiven = (f: StatedFigure) => givens.some((g) => Math.abs(g - f.raw) <= 0.005 * Math.abs(g));
  const all = criterion.evidence.concepts;
  const reading: FigureReading = { met: [], wrong: [] };
  // A point is met by its figure in a claim; a wrong figure is wrong wherever it stands, a note of working included
  // ("Output: 120M tokens × $4.00/1M = $48." has no verb and is no claim, and its term still names the point).
  const claimed = new Set(segmentsOf(readNumberWords(claims)).map((s) => s.text.trim()));
  const segments = segmentsOf(readNumberWords(answer ?? claims));
  for (const p of points) {
    let met: string | undefined;
    let wrong: { stated: string; want: string } | undefined;
    // A sum of money that agrees anywhere (a note included) keeps the point from being read as wrong: a design answer often
    // states its own options' figures beside the reference's ("$37k a month on the frontier model; $4,950 a day ...").
    let agrees = false;
    for (const s of segments) {
      const named = all.filter((k) => names(s.text, k.terms));
      if (named.some((k) => k.label !== p.label)) continue;
      const figures = statedFigures(s.text).filter((f) => !isGiven(f));
      const right = figures.find((f) => p.figures.some((g) => sameFigure(f, g)));
      if (figures.some((f) => f.dim === "money" && p.figures.some((g) => sameFigure(f, g)))) agrees = true;
      if (right && claimed.has(s.text.trim())) met ??= right.text;
      if (!named.length) continue;
      // Only a wrong sum of money is read as wrong: a count or a token figure beside a point is as often another
      // quantity of it (concurrency beside a request rate, tokens per stage beside tokens per request).
      for (const f of figures.filter((x) => x.dim === "money")) {
        const kin = p.figures.filter((g) => comparable(f, g));
        // Read as wrong only when no figure of the point agrees anywhere (`agrees`, decided after the loop).
        if (kin.length && statedAsResult(s.text, f)) wrong ??= { stated: f.text, want: kin[0]!.text };
      }
    }
    if (wrong && !agrees) reading.wrong.push({ label: p.label, ...wrong });
    else if (met) reading.met.push({ label: p.label, quote: met });
  }
  return reading;
}

/** Hits with the figure reading applied: a point stated with a wrong figure earns nothing, one stated by its figure is met. */
export function withFigures<H extends { label: string; quote: string }>(
  hits: H[],
  reading: FigureReading,
): (H | { label: string; quote: string })[] {
  if (!reading.met.length && !reading.wrong.length) return hits;
  const kept = hits.filter((h) => !reading.wrong.some((w) => w.label === h.label));
  return [...kept, ...reading.met.filter((m) => !kept.some((h) => h.label === m.label))];
}
