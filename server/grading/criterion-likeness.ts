import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, vectorOf, type Idf, type Vector } from "./language/index.js";
import { findTerm } from "./match.js";

/**
 * What the question's own texts say on one criterion, as one vector: the sentences of its strong model answers that
 * name one of the criterion's key points, and the criterion's top anchor. A plain-words answer names no key point
 * ("every call runs as the person who asked, with their own login token" for delegated identity), so coverage reads
 * nothing, and the whole answer's likeness to the references cannot say which criterion it speaks to (it counts
 * alone only on a one-criterion question). Likeness to this criterion's part of the references can.
 * Built once per question and idf (the pack index's), like the references.
 */
/**
 * The likeness that earns the first level. Chosen on session 16's tuning rows (test/fixtures/plain5/tune.yaml) and the
 * built-in exemplars: criteria a plain answer speaks to reached 0.24-0.30, criteria it left out 0.09-0.17, and every
 * weak and adequate exemplar's criterion at 0 stays under 0.20.
 */
export const OWN_WORDS_LIKENESS = 0.22;

const cache = new WeakMap<Question, WeakMap<Idf, Map<string, Vector>>>();

export function criterionReferences(q: Question, idf: Idf): Map<string, Vector> {
  let byIdf = cache.get(q);
  if (!byIdf) cache.set(q, (byIdf = new WeakMap()));
  let known = byIdf.get(idf);
  if (known) return known;
  known = new Map();
  const strong = q.exemplars.filter((e) => e.level === "strong").map((e) => analyse(e.answer));
  for (const c of q.rubric) known.set(c.id, vectorOf(criterionText(c, strong), idf, undefined, { everySentence: true }));
  byIdf.set(idf, known);
  return known;
}

function criterionText(c: Criterion, strong: ReturnType<typeof analyse>[]): string {
  const terms = c.evidence.concepts.flatMap((k) => k.terms);
  const sentences = strong
    .flatMap((a) => a.sentences.map((s) => s.text))
    .filter((s) => terms.some((t) => findTerm(s.toLowerCase(), t) >= 0));
  return [...sentences, c.anchors["4"] ?? ""].join("\n");
}
