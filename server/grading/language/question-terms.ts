import type { Question } from "../../scenarios/index.js";
import { continuesTerm } from "./term-prefix.js";
import { maySlip, termWordForms } from "./term-word.js";
import { isTypoOf } from "./typo.js";

const cache = new WeakMap<Question, (word: string) => boolean>();
/** Each reader's question: a reading handed only the reader can still ask what the question talks about. */
const questions = new WeakMap<(word: string) => boolean, Question>();

/** The question a term reader made by questionTerms reads for, if it was made so. */
export const questionOf = (isTerm: (word: string) => boolean): Question | undefined => questions.get(isTerm);

/**
 * Whether a word is one of the question's evidence terms (any criterion): a
 * term's words match at a word start, as terms do (a word-term only by its
 * forms, term-prefix.ts), and so do the words the
 * grader reads as saying them (termWordForms: derivational relatives,
 * misspellings). A bag of "capitalism religon judiciary" is as much a bag of
 * rubric words as the terms themselves: without the relatives, salads of them
 * escaped the stuffing checks. Used to tell a statement from a bag of rubric
 * words.
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
    // Every stem's forms in one set, and every spelling a slip is measured against in one list.
    const forms = stems.map((s) => termWordForms(s));
    const said = new Set(forms.flatMap((f) => [...f.same]));
    const spellings = [...new Set(forms.flatMap((f) => f.spellings))];
    const seen = new Map<string, boolean>();
    known = (word: string) => {
      if (word.length < 3) return false;
      let hit = seen.get(word);
      if (hit === undefined) {
        hit =
          stems.some((s) => word.startsWith(s) && continuesTerm(s, word)) ||
          said.has(word) ||
          (maySlip(word) && spellings.some((w) => isTypoOf(word, w)));
        if (seen.size >= 10_000) seen.clear();
        seen.set(word, hit);
      }
      return hit;
    };
    cache.set(q, known);
    questions.set(known, q);
  }
  return known;
}

const FUNCTION = new Set(
  "the and for with not without from into that this then than when what which who how was were are our you your they their has have had can will would should".split(
    " ",
  ),
);
