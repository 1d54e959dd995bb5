import type { Question } from "../../scenarios/index.js";

const cache = new WeakMap<Question, (word: string) => boolean>();

/**
 * Whether a word is one of the question's evidence terms (any criterion): a
 * term's words match at a word start, as terms do. Used to tell a statement
 * from a bag of rubric words.
 */
export function questionTerms(q: Question): (word: string) => boolean {
  let known = cache.get(q);
  if (!known) {
    const stems = [
      ...new Set(
        q.rubric
          .flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms))
          .map((t) => t.toLowerCase().trim())
          .flatMap((t) => {
            const words = t.split(/[^a-z0-9]+/).filter(Boolean);
            return words;
          })
          .filter((w) => w.length >= 3 && !FUNCTION.has(w)),
      ),
    ];
    known = (word: string) => word.length >= 3 && stems.some((s) => word.startsWith(s));
    cache.set(q, known);
  }
  return known;
}

const FUNCTION = new Set(
  "the and for with not without from into that this then than when what which who how was were are our you your they their has have had can will would should".split(
    " ",
  ),
);
