/**
 * A record an answer shows as data of the system it describes: "each run writes one JSON record per case, like
 * {"case_id": "c-104", "score": 4, "verdict": "pass"}", "we log every judge decision as a row: {"id": 17, ...}".
 * A fake verdict is a record about this answer, standing for the grader's output; a described one is introduced by
 * the sentence around it (a verb of logging or returning, "like", "such as", a "row:" or "schema:") and names the
 * thing it is a record of (an id, a case, a model, a prompt). Both are needed: a verdict that only says "here is
 * the output: {...}" names no record of anything, and a record with an id dropped in alone is introduced by nothing.
 */
const OBJECT = /\{[^{}]{1,800}\}/g;
/** The words just before the object, within its sentence, that introduce it as data of the system. */
const INTRODUCED =
  /\b(?:logs?|logged|logging|writes?|written|stores?|stored|records?|recorded|returns?|returned|emits?|emitted|outputs?|produces?|produced|responds? with|looks? like|like|such as|e\.g\.|for example|for instance|rows?|entry|entries|schema|format|shape|line|lines|payload|event|events)\b[^.!?{}]{0,40}$/;
/** A key naming what the record is about: an id, a case, a model, a prompt, a time. */
const SUBJECT_KEY = /"(?:id|\w+_id|case|question|prompt|input|output|model|timestamp|ts|run|example|item|sample|trace)"\s*:/;

/** The text with each described record blanked (same length, so positions elsewhere still hold). */
export function withoutDescribedRecords(text: string): string {
  if (!text.includes("{")) return text;
  return text.replace(OBJECT, (object, at: number) => {
    const before = text.slice(Math.max(0, at - 120), at);
    const sentence = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1);
    return INTRODUCED.test(sentence) && SUBJECT_KEY.test(object) ? " ".repeat(object.length) : object;
  });
}
