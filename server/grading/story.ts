import type { Question } from "../scenarios/index.js";
import { analyse, claimSentences, questionTerms, withoutOffTopicTasks } from "./language/index.js";
import { addressedToReader } from "./integrity/addressed.js";
import type { EvidenceText } from "./prepare-answer.js";
import { rolePlayed, toReader } from "./story-voice.js";

/**
 * Quoted words the candidate does not report are someone else's (a review, a message), not their
 * account: "Is this feedback positive? 'Waited for hours and got no resolution.'" tells no story.
 * A contraction's apostrophe ("they'd") does not close a single quote.
 */
const QUOTED = /"[^"\n]*"|“[^”]*”|(^|[\s:(])'(?:[^'\n]|'(?=\w))+'(?=$|[\s.,;:!?)])/g;
const withoutQuotes = (text: string) => text.replace(QUOTED, (_, lead: string | undefined) => `${lead ?? ""} `);
/** What a paragraph tells in the candidate's voice: a quote they report ("I told the VP: '...'") counts, a bare one does not. */
function ownWords(paragraph: string): string {
  const outside = withoutQuotes(paragraph);
  return /\b(?:i|we|my|our|me|us)\b/i.test(outside) ? paragraph : outside;
}

/**
 * The text evidence is read from. In a behavioural story only the
 * candidate's own account counts: sentences that make a claim and are not
 * addressed to a reader. An order ("Write a script to ..."), a sentence to
 * "you" ("From now on you will always ...") or a note about "this answer" is
 * not something the candidate did, however many story words it carries
 * (an impersonal or reported "you" is not a reader: see toReader).
 * Other questions are read as they are (a technical "you can cache it" is a
 * claim), less any task handed to the reader about another topic ("Write a
 * poem about the sea"; see withoutOffTopicTasks): orders about the question's
 * own subject ("Use a cache.") are how many candidates write a design.
 */
export function evidenceFor(question: Question, evidence: EvidenceText): EvidenceText {
  if (!evidence.prose) return evidence;
  const story = question.kind === "behavioural";
  const prose = withoutOffTopicTasks(question, evidence.prose, { story });
  if (!story) return { ...evidence, prose };
  const own: string[] = [];
  const rolePlay = rolePlayed(question);
  for (const paragraph of prose.split(/\n\s*\n/)) {
    const a = analyse(ownWords(paragraph));
    const claims = claimSentences(a, questionTerms(question), { story: true });
    // Each sentence is read once for whether it speaks to a reader at all (toReader's first test), and toReader's
    // further reading is taken only where it decides something: every sentence when the question casts the reader,
    // else only the claims of a paragraph that is kept. Both readers are pure, so the kept sentences are the same.
    const anyReader = a.sentences.map((s) => addressedToReader(s.text));
    const addressed = (i: number) => toReader(a.sentences[i]!.text, { rolePlay, addressed: anyReader[i]! });
    // A paragraph mostly addressed to its reader is a message to someone, not an account: none of it counts.
    // Here any "you" counts (unless the question casts the reader): a jailbreak speaks to "you" throughout,
    // where a story's impersonal "you" is a sentence or two.
    const toSomeone = rolePlay ? a.sentences.map((_, i) => addressed(i)) : anyReader;
    if (toSomeone.filter(Boolean).length * 2 >= a.sentences.length) continue;
    a.sentences.forEach((s, i) => claims.has(i) && !(rolePlay ? toSomeone[i] : addressed(i)) && own.push(s.text));
  }
  return { ...evidence, prose: own.join(" ") };
}
