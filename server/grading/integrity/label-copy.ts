import type { Question } from "../../scenarios/index.js";
import { words } from "./copy-index.js";
import { forEachLabelAt, labelWords } from "./label-words.js";

/** A label shorter than this is a term an honest answer says anyway ("idempotency key"), not rubric wording. */
const MIN_LABEL_WORDS = 3;
/** Share of a paragraph's words that, when the rubric's own key-point labels, make it a pasted list of them. */
const PASTED_SHARE = 0.5;
const MIN_LABELS = 2;
/** Key-point labels only, as this reader has always read them (criterion titles are not its business). */
const LABELS = { titles: false, minWords: MIN_LABEL_WORDS };

/**
 * The rubric's key-point labels pasted as the answer: "Key points: rescales
 * logits before softmax; higher is more random; ..." or "The answer is that
 * <label>. The answer is that <label>." The labels are the grader's shorthand,
 * not something a candidate is shown; an answer made mostly of several of them,
 * word for word, restates the rubric rather than answering. One label said in
 * passing, or labels of a word or two ("retries", "idempotency key"), are just
 * the words of the answer.
 */
export function pastedLabels(q: Question, paragraph: string): boolean {
  const own = words(paragraph);
  if (own.length === 0) return false;
  const covered = new Array<boolean>(own.length).fill(false);
  const labels = labelWords(q, LABELS);
  const hit = new Set<number>();
  forEachLabelAt(own, labels, (label, from) => {
    hit.add(label);
    covered.fill(true, from, from + labels[label]!.length);
  });
  return hit.size >= MIN_LABELS && covered.filter(Boolean).length >= PASTED_SHARE * own.length;
}
