import type { Question } from "../../scenarios/index.js";
import { setQuestion, type SetQuestion } from "./set-answer.js";

/** A model answer of at most this many words is a phrase, not an explanation. */
const PHRASE_WORDS = 12;
const cache = new WeakMap<Question, boolean>();

/**
 * Whether the question is a short-answer item: every strong model answer is itself a phrase
 * ("the Bill of Rights", "judicial", "abstraction and reuse"). There, an answer in the same
 * form, a short list included ("legislative, executive, judicial"), states its point; on a
 * question whose model answers explain, a list of terms is still a keyword dump.
 */
export function expectsShortAnswer(q: Question): boolean {
  let short = cache.get(q);
  if (short === undefined) {
    const strong = q.coding ? [] : q.exemplars.filter((e) => e.level === "strong");
    // Counted without the language model: this runs for every answer graded.
    short = strong.length > 0 && strong.every((e) => e.answer.split(/\s+/).filter((w) => /\w/.test(w)).length <= PHRASE_WORDS);
    cache.set(q, short);
  }
  return short;
}

/** How the question's answers are read for claims: one source for grading, follow-ups and similarity. */
export function claimOptionsFor(q: Question): { story: boolean; listAnswers: boolean; set: SetQuestion | null } {
  return { story: q.kind === "behavioural", listAnswers: expectsShortAnswer(q), set: setQuestion(q) };
}
