import type { IntegrityFlag } from "./integrity/index.js";

/** What each kind of flagged text is, said in a sentence of feedback. */
const WHAT: Record<IntegrityFlag["kind"], string> = {
  "grader-instruction": "text aimed at the grader",
  "fake-verdict": "a verdict written into the answer",
  "role-tag": "markup aimed at the grader",
  "self-assessment": "the answer's praise of itself",
  "hidden-instruction": "hidden instructions",
  "keyword-list": "a list of keywords",
  "rubric-pasted": "text copied from the rubric",
  "copied-model-answer": "a copy of the model answer",
  "templated-terms": "the question's terms filled into one sentence template",
  "scrambled-words": "words in no English order",
  padding: "repeated text",
  plea: "a plea for lenient marking",
};

/**
 * Why nothing was left to grade, from the flags that emptied the answer: "a list of keywords"
 * is not "text aimed at the grader", and the candidate (and a reviewer) should read which it was.
 * The codes are the flags' kinds, in the order first flagged.
 */
export function setAsideReason(flags: readonly IntegrityFlag[]): { codes: IntegrityFlag["kind"][]; feedback: string } {
  const codes = [...new Set(flags.map((f) => f.kind))];
  const said = codes.length ? codes.map((k) => WHAT[k]) : ["text aimed at the grader"];
  const list = said.length === 1 ? said[0]! : `${said.slice(0, -1).join(", ")} and ${said[said.length - 1]}`;
  return {
    codes,
    feedback: `Insufficient evidence: nothing in the answer remains once ${list} ${said.length === 1 ? "is" : "are"} set aside.`,
  };
}
