import type { Question } from "../scenarios/index.js";
import { addressedToReader, unquoted } from "./integrity/addressed.js";

/**
 * The interviewer casts themself as the stakeholder ("I'm the Head of Sales. What do you tell
 * me"): the answer is then spoken to them, and "you" and "think of it as ..." are its content.
 */
export const rolePlayed = (question: Question) => /\bI(?:'m| am) (?:the|your) [A-Z]/.test(question.prompt);

/** "You" opening the sentence (after a filler like "so" or "and"): the sentence is said to its reader. */
const OPENS_WITH_YOU = /^[^\p{L}]*(?:(?:so|and|but|now|then|also|ok|okay|well|honestly)[\s,]+)*you(?:'re|'ll|'d|'ve|r)?\b/iu;
const YOU = /\byou(?:'re|'ll|'d|'ve|rs|rselves|rself|r)?\b/gi;
const THEM: Record<string, string> = { your: "their", yours: "theirs", yourself: "themself", yourselves: "themselves" };

/**
 * Whether a sentence of a behavioural story is said to whoever reads it rather than told as
 * the candidate's account. A story's "you" is mostly not the reader: the impersonal "you"
 * ("I learned that you have to look at the whole pipeline", "you'd ask it where the printer
 * is"), or someone's words reported ("she said: so you can't know which change did it").
 * There "you" says nothing about whom the sentence addresses, so the sentence is read as if it
 * were "they", and only the rest decides (an order, a note to the grader, "this answer").
 * A sentence that opens with "you" is said to its reader ("You will see I rolled back ..."),
 * unless the question made the reader the stakeholder; then orders to them ("Think of it as a
 * new rep who ...") are the answer too, and only orders about the grading count.
 */
export function toReader(sentence: string, options: { rolePlay?: boolean; addressed?: boolean } = {}): boolean {
  // `addressed`: addressedToReader(sentence), when the caller has already read it.
  if (!(options.addressed ?? addressedToReader(sentence))) return false;
  if (!options.rolePlay && OPENS_WITH_YOU.test(unquoted(sentence))) return true;
  const asThey = sentence.replace(YOU, (w) => THEM[w.toLowerCase()] ?? (/^Y/.test(w) ? "They" : "they") + w.slice(3));
  return addressedToReader(asThey, { orders: !options.rolePlay });
}
