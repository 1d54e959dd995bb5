import type { Analysis } from "./analyse.js";
import { gapBefore } from "./clause.js";

/**
 * A negation inside what a check examines ("check that the answers don't hallucinate", "verify the model
 * never leaks PII", "make sure the agent does not loop") names the failure the check looks for: the
 * answer states that point (a hallucination check), it does not deny it. The examined clause's own
 * subject decides: when it is the candidate ("make sure we don't add a reranker"), the negation is their
 * plan and stands. Bounded: the examining verb must sit within a few words before the negator, in the
 * same clause.
 */
export function examinedAbsence(a: Analysis, negator: number): boolean {
  const t = a.tokens[negator]!;
  const before = a.tokens[negator - 1];
  // The negation must belong to a clause of its own ("the answers don't", "there is no", "the model never"),
  // not to a contrast on the checking verb's object ("check recall, not precision").
  if (!before || before.sentence !== t.sentence || /[,;:]/.test(gapBefore(a, negator))) return false;
  const clausal = before.pos === "AUX" || (t.word === "never" && (before.pos === "NOUN" || before.pos === "PRON"));
  if (!clausal) return false;
  for (let k = negator - 1; k >= 0 && k >= negator - REACH; k--) {
    const b = a.tokens[k]!;
    if (b.sentence !== t.sentence || /[.;:!?()]/.test(gapBefore(a, k + 1))) return false;
    if (CLAUSE_ENDS.has(b.word)) return false;
    const examining = EXAMINING.has(b.lemma) || (b.lemma === "make" && a.tokens[k + 1]?.word === "sure");
    if (examining && b.pos !== "NOUN") {
      // The examined clause's subject: the candidate's own plan ("we don't") is a refusal, not a check.
      for (let j = k + 1; j < negator; j++) if (SPEAKERS.has(a.tokens[j]!.word)) return false;
      return true;
    }
  }
  return false;
}

/** Words of checking: what follows them is examined, not asserted. */
const EXAMINING = new Set([
  "check",
  "verify",
  "ensure",
  "test",
  "assert",
  "confirm",
  "validate",
  "monitor",
  "detect",
  "catch",
  "measure",
  "evaluate",
  "score",
  "grade",
  "judge",
  "flag",
  "alert",
]);
/** The candidate and their team: a negation with them as subject is their own plan. */
const SPEAKERS = new Set(["i", "we", "you", "us", "our", "let's"]);
/** Words that start another clause: an examining verb before them does not reach the negator. */
const CLAUSE_ENDS = new Set(["but", "however", "because", "since", "so", "although", "though", "whereas", "unless"]);
const REACH = 10;
