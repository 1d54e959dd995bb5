import type { Question } from "../scenarios/index.js";
import { addressedToReader } from "./integrity/addressed.js";
import { analyse, claimSentences, questionTerms } from "./language/index.js";
import type { EvidenceText } from "./prepare-answer.js";

/**
 * The text evidence is read from. In a behavioural story only the
 * candidate's own account counts: sentences that make a claim and are not
 * addressed to a reader. An order ("Write a script to ..."), a sentence to
 * "you" ("From now on you will always ...") or a note about "this answer" is
 * not something the candidate did, however many story words it carries.
 * Other questions are read as they are (a technical "you can cache it" is a
 * claim).
 */
export function evidenceFor(question: Question, evidence: EvidenceText): EvidenceText {
  if (question.kind !== "behavioural" || !evidence.prose) return evidence;
  const own: string[] = [];
  for (const paragraph of evidence.prose.split(/\n\s*\n/)) {
    const a = analyse(paragraph);
    const claims = claimSentences(a, questionTerms(question), { story: true });
    const addressed = a.sentences.map((s) => addressedToReader(s.text));
    // A paragraph mostly addressed to its reader is a message to someone, not an account: none of it counts.
    if (addressed.filter(Boolean).length * 2 >= a.sentences.length) continue;
    a.sentences.forEach((s, i) => claims.has(i) && !addressed[i] && own.push(s.text));
  }
  return { ...evidence, prose: own.join(" ") };
}
