import type { Question } from "../../scenarios/index.js";
import { termWordMatcher } from "./term-word.js";

const cache = new WeakMap<Question, (word: string) => boolean>();

/**
 * Whether a word is one of the question's evidence terms (any criterion): a
 * term's words match at a word start, as terms do, and so do their
 * misspellings (termWordMatcher): a bag of "religon speach popultaion" is as
 * much a bag of rubric words as the terms themselves. Derivational relatives
 * are not counted: an honest account uses them naturally ("approves" beside
 * "approval"), and counting them pushed honest sentences over the density
 * line of claimSentences. Used to tell a statement from a bag of rubric words.
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
    const widened = stems.map((s) => termWordMatcher(s));
    const seen = new Map<string, boolean>();
    known = (word: string) => {
      if (word.length < 3) return false;
      let hit = seen.get(word);
      if (hit === undefined) {
        hit = stems.some((s) => word.startsWith(s)) || widened.some((m) => m({ word, lemma: word }));
        if (seen.size >= 10_000) seen.clear();
        seen.set(word, hit);
      }
      return hit;
    };
    cache.set(q, known);
  }
  return known;
}

const FUNCTION = new Set(
  "the and for with not without from into that this then than when what which who how was were are our you your they their has have had can will would should".split(
    " ",
  ),
);
