import type { Criterion } from "../scenarios/index.js";
import { analyse, type Analysis } from "./language/index.js";
import { reversedTerms, rivalTerms, termAt, termSpans, type ConceptPoles, type Poles } from "./poles.js";

/**
 * Where a criterion's pole-bearing key points stand in one answer, read once.
 * Coverage (a crosswise pairing is no statement of a point) and contradiction
 * (a pairing turned round states its opposite) both ask, for every occurrence
 * of every term, which tokens the point's own terms take up and which its
 * rivals do: read per occurrence and per criterion, that was a pass over the
 * whole answer for each term each time (a 20,000-character answer of words
 * went from 73 to 124-294 ms). The question's side (which terms, rivals and
 * reversed spellings each point has) is worked out once per criterion's learnt
 * poles, which polesOf keeps per canonical question; the answer's side once
 * per answer (analyse keeps one Analysis per text).
 */

type Occurrence = { index: number; length: number };
type Concept = Criterion["evidence"]["concepts"][number];

/** What a key point looks for, from the pack: its terms, the other points' terms that take a place first, and each term said the other way. */
export type PointTerms = {
  concept: Concept;
  label: string;
  learnt: ConceptPoles;
  terms: readonly string[];
  rivals: readonly string[];
  /** Per term: its spellings with the pole turned round that are not themselves terms of the point ("slow" beside "faster" is evidence). */
  reversed: ReadonlyMap<string, readonly string[]>;
};

/** One key point read in one answer. */
export type PointReading = {
  point: PointTerms;
  /** The tokens its own terms take up, with the pole just before each ("LOWER precision"): no condition of its own. */
  skip: ReadonlySet<number>;
  /** The tokens another point's longer term takes up ("less noisy"): no occurrence of this point there. */
  taken: ReadonlySet<number>;
  /** Where each term, and each reversed spelling, occurs affirmed. */
  at: (term: string) => readonly Occurrence[];
};

const pointsCache = new WeakMap<Criterion, WeakMap<Poles, PointTerms[]>>();

/** The criterion's key points that have learnt poles, in the rubric's order. */
function pointTerms(criterion: Criterion, poles: Poles): PointTerms[] {
  let byPoles = pointsCache.get(criterion);
  if (!byPoles) pointsCache.set(criterion, (byPoles = new WeakMap()));
  let points = byPoles.get(poles);
  if (!points) byPoles.set(poles, (points = learnPointTerms(criterion, poles)));
  return points;
}

function learnPointTerms(criterion: Criterion, poles: Poles): PointTerms[] {
  const out: PointTerms[] = [];
  for (const concept of criterion.evidence.concepts) {
    const learnt = poles.get(concept.label);
    if (!learnt) continue;
    const own = concept.terms.map(lemmaKey);
    const reversed = new Map(concept.terms.map((t) => [t, reversedTerms(t).filter((r) => !own.includes(lemmaKey(r)))]));
    out.push({ concept, label: concept.label, learnt, terms: concept.terms, rivals: rivalTerms(criterion, concept), reversed });
  }
  return out;
}

const lemmaKeys = new Map<string, string>();
function lemmaKey(term: string): string {
  let k = lemmaKeys.get(term);
  if (k === undefined) lemmaKeys.set(term, (k = [...new Set(analyse(term).tokens.map((t) => t.lemma))].join(" ")));
  return k;
}

const readings = new WeakMap<Analysis, WeakMap<Criterion, WeakMap<Poles, Map<Concept, PointReading>>>>();

/** Each pole-bearing key point of the criterion read in the answer, by concept. */
export function readPoints(a: Analysis, criterion: Criterion, poles: Poles): ReadonlyMap<Concept, PointReading> {
  let byCriterion = readings.get(a);
  if (!byCriterion) readings.set(a, (byCriterion = new WeakMap()));
  let byPoles = byCriterion.get(criterion);
  if (!byPoles) byCriterion.set(criterion, (byPoles = new WeakMap()));
  let read = byPoles.get(poles);
  if (!read) byPoles.set(poles, (read = readAll(a, pointTerms(criterion, poles))));
  return read;
}

function readAll(a: Analysis, points: readonly PointTerms[]): Map<Concept, PointReading> {
  const at = (term: string) => termAt(a, term);
  const out = new Map<Concept, PointReading>();
  for (const point of points)
    out.set(point.concept, { point, skip: termSpans(a, point.terms), taken: termSpans(a, point.rivals, false), at });
  return out;
}
