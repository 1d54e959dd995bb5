import type { Question } from "../../scenarios/index.js";
import { words } from "./copy-index.js";

/** A label shorter than this is a term an honest answer says anyway ("idempotency key"), not rubric wording. */
const MIN_LABEL_WORDS = 3;
/** Share of a paragraph's words that, when the rubric's own key-point labels, make it a pasted list of them. */
const PASTED_SHARE = 0.5;
const MIN_LABELS = 2;

const labels = new WeakMap<Question, (readonly string[])[]>();
function labelWords(q: Question): (readonly string[])[] {
  let known = labels.get(q);
  if (!known) {
    known = q.rubric.flatMap((c) => c.evidence.concepts.map((k) => words(k.label))).filter((w) => w.length >= MIN_LABEL_WORDS);
    labels.set(q, known);
  }
  return known;
}

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
  let found = 0;
  for (const label of labelWords(q)) {
    let hit = false;
    for (let i = 0; i + label.length <= own.length; i++) {
      if (startsAt(own, i, label)) {
        hit = true;
        for (let j = 0; j < label.length; j++) covered[i + j] = true;
      }
    }
    if (hit) found++;
  }
  return found >= MIN_LABELS && covered.filter(Boolean).length >= PASTED_SHARE * own.length;
}

/** Whether `label`'s words stand in `own` from `i` (a loop, not a closure per place and label). */
function startsAt(own: readonly string[], i: number, label: readonly string[]): boolean {
  for (let j = 0; j < label.length; j++) if (own[i + j] !== label[j]) return false;
  return true;
}
