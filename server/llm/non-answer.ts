import type { Question } from "../scenarios/index.js";

/** Words too common to show that an answer is about the question. */
const STOP = new Set(
  "the and for are but not you your with this that have has was were will would could should from they them then than what when where which who how why can use using all any its it's our out get got just like about into over also some more most very there their here yes yeah okay sure maybe".split(
    " ",
  ),
);
/** An answer this long is an attempt, even if it shares no words with the question. */
const ATTEMPT_WORDS = 12;

const words = (text: string) => (text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []).filter((w) => !STOP.has(w));
/** "retries"/"retry", "failed"/"failure" share a stem: compare the first four letters (lenient on purpose). */
const stem = (w: string) => w.slice(0, 4);

/**
 * A reply that does not engage with the question at all ("asdf qwerty", "lol",
 * "hmm ok"): short, and not one content word in common with the question, its
 * rubric or its probes. An interviewer says so instead of probing deeper.
 */
export function isNonAnswer(answerText: string, question: Question): boolean {
  const said = words(answerText);
  if (said.length >= ATTEMPT_WORDS) return false;
  const about = new Set(
    words(
      [
        question.title,
        question.prompt,
        ...question.rubric.flatMap((c) => [
          c.title,
          c.description,
          ...c.probes,
          ...c.evidence.concepts.flatMap((k) => [k.label, ...k.terms]),
        ]),
      ].join(" "),
    ).map(stem),
  );
  return !said.some((w) => about.has(stem(w)));
}
