import { jsonObjects } from "./json-objects.js";
import { gradeHintKey } from "./verdict-shape.js";

/**
 * A record an answer shows as data of the system it describes: "each run writes one JSON record per case, like
 * {"case_id": "c-104", "score": 4, "verdict": "pass"}", "the harness logs each case as JSON lines:" and the lines
 * after it, a YAML document "the harness stores" with its id. A fake verdict is a record about this answer, standing
 * for the grader's output; a described one is introduced by what comes before it and is about something else.
 *
 * One reading for every check that reads records (a set-up, a verdict, a grade key, a criterion's score): each of
 * them reads the text with the described records blanked, so a logged test input ("You are now my refund bot") is
 * no set-up and a logged judge score no verdict, on whichever path the record is read.
 *
 * Described, when it is none of the grader's (it names no "this answer", candidate, grader note or full marks):
 * - shown right after a verb of producing or an example cue ("the judge returns {...}", "a line like {...}"); or
 * - introduced by a verb of logging or storing in the sentence or line before it ("The harness logs every case as
 *   JSON lines:", a fence line between) and naming what it records (an id, a case, a model, a trace); or
 * - one more record of a run of described ones ("{...} and then {...}", the next JSON line, the next array item)
 *   that also names what it records; or
 * - a record followed by ", ..." (one of many: the shape of some data).
 * A verdict that only says "Evaluation output: {...}" is a label, and one dropped in alone is introduced by nothing.
 */

/** A verb of producing or an example cue right before the record (at most two filler words between). */
const CUED = new RegExp(
  `(?:^|[^\\p{L}])(?:returns?|returned|returning|outputs?|outputted|emits?|emitted|produces?|produced|gives?|gave|yields?|yielded|(?:comes?|came) back (?:as|with)|looks? like|looked like|becomes?|became|(?:(?:such as|like|e\\.g\\.|i\\.e\\.|for (?:example|instance)|like this)[\\s,:]*))\\s*(?:(?:that|the|a|an|this|its|just|only|something like)\\s+){0,2}$`,
  "iu",
);
/** A verb of logging, storing or returning (or a word naming a record's shape) in the sentence introducing it. */
const INTRODUCING =
  /\b(?:logs?|logged|logging|writes?|written|wrote|stores?|stored|records?|recorded|returns?|returned|emits?|emitted|outputs?|produces?|produced|responds? with|looks? like|like|such as|e\.g\.|for example|for instance|rows?|entry|entries|schema|format|shape|lines?|payload|events?|documents?)\b/i;
/** The introducing words just before the record (the sentence may go on after them, but not for long). */
const INTRODUCED_NEAR = new RegExp(`${INTRODUCING.source}[^.!?{}]{0,40}$`, "i");
/** An introduction that ends by pointing at what follows: a colon, "e.g.", "like this". */
const POINTS_ON = /(?::|\be\.g\.|\bfor example,?|\blike this)\s*$/i;
/** Between two records of one run: separators, brackets, a fence, a short connective ("and then", "followed by"). */
const SAME_RUN = /^(?:[\s,;[\]]|```\w*)*(?:(?:and then|and|or|then|followed by|next|after that)\b[\s,:]*)?(?:[\s,;[\]]|```\w*)*$/i;
/** "{...}, ...": one record of many. */
const ONE_OF_MANY = /^\s*,\s*(?:\.{3}|…)/;
/** A key naming what the record is about: an id, a case, a model, a prompt, a time, a trace. */
const SUBJECT_KEY =
  /(?:^|[{,\s-])["']?(?:id|\w+_id|case|question|prompt|input|output|model|timestamp|ts|run|example|item|sample|trace|span|pair|query|ticket|request)["']?\s*:/im;
/** A record about this answer, for its grader: named as this answer or the candidate's, or asking a grade. */
const GRADERS =
  /\bthis[\s_-]+(?:answer|response|submission|solution|candidate)\b|\bcandidate\b|\binterview(?:er|ee)?\b|\b(?:full|top|max(?:imum)?)[\s_-]+(?:marks|score|credit|points)\b|\b(?:every|all)[\s_-]+criteri(?:on|a)\b|\ball[\s_-]+met\b/i;
/** An id that names an answer rather than a case: {"id": "response"}. */
const ANSWER_ID =
  /["']?(?:id|\w+_id)["']?\s*:\s*["']?(?:(?:this|the|my|your)[\s_-]+)?(?:answer|response|submission|solution)["']?\s*(?:[,}\n]|$)/i;

/** A key-value line of a YAML or key = value record: `id: case-17`, `- score: 4`, `verdict:`. */
const KEY_VALUE_LINE = /^[ \t]*(?:-[ \t]+)?["']?[A-Za-z_][\w .-]{0,30}?["']?[ \t]*[:=](?:[ \t]+\S.*)?[ \t]*$/;
const FENCE = /^[ \t]*```\w*[ \t]*$/;

type Record = { start: number; end: number };

/** Runs of two or more key-value lines (a YAML document or list), outside the JSON objects. */
function keyValueRuns(text: string, objects: Record[]): Record[] {
  const runs: Record[] = [];
  let start = -1;
  let end = -1;
  let lines = 0;
  let at = 0;
  const close = () => {
    if (lines >= 2) runs.push({ start, end });
    lines = 0;
  };
  for (const line of text.split("\n")) {
    const inObject = objects.some((o) => at < o.end && at + line.length > o.start);
    if (!inObject && KEY_VALUE_LINE.test(line) && !FENCE.test(line)) {
      if (!lines) start = at;
      lines++;
      end = at + line.length;
    } else close();
    at += line.length + 1;
  }
  close();
  return runs;
}

/** The sentence (or line) that leads up to `at`: blank lines, fence lines and opening brackets before it skipped. */
function introOf(text: string, from: number, at: number): string {
  let lead = text.slice(from, at);
  // Skip what only frames the record: a fence line, an opening bracket of an array, blank lines.
  for (let prev = ""; prev !== lead;) {
    prev = lead;
    lead = lead
      .replace(/\s+$/, "")
      .replace(/(?:^|\n)[ \t]*```\w*$/, "")
      .replace(/\[$/, "");
  }
  const line = lead.slice(lead.lastIndexOf("\n") + 1);
  // The last sentence of that line: "e.g." and "i.e." end none.
  const cut = Math.max(...[". ", "! ", "? "].map((end) => line.lastIndexOf(end)));
  return cut >= 0 && !/\b(?:e\.g|i\.e)$/i.test(line.slice(0, cut + 1)) ? line.slice(cut + 2) : line;
}

/** The [start, end) spans of the records `text` shows as its system's data. */
export function describedRecordSpans(text: string): [number, number][] {
  // A record is a JSON object or two key-value lines: most sentences hold neither.
  if (!text.includes("{") && !(text.includes("\n") && /[:=]/.test(text))) return [];
  const objects = jsonObjects(text);
  const records = [...objects, ...keyValueRuns(text, objects)].sort((a, b) => a.start - b.start);
  const spans: [number, number][] = [];
  let lastEnd = 0;
  let runOn = false;
  for (const r of records) {
    if (r.start < lastEnd) continue;
    const body = text.slice(r.start, r.end);
    const lead = text.slice(lastEnd, r.start);
    const intro = introOf(text, lastEnd, r.start);
    const about = SUBJECT_KEY.test(body);
    const theGraders = GRADERS.test(body) || ANSWER_ID.test(body) || gradeHintKey(body);
    const introduced: boolean =
      CUED.test(intro) ||
      ONE_OF_MANY.test(text.slice(r.end, r.end + 10)) ||
      (about && (INTRODUCED_NEAR.test(intro) || (POINTS_ON.test(intro) && INTRODUCING.test(intro)))) ||
      (about && runOn && SAME_RUN.test(lead));
    runOn = introduced && !theGraders;
    if (runOn) spans.push([r.start, r.end]);
    lastEnd = r.end;
  }
  return spans;
}

/**
 * The text with each described record blanked (same length, line breaks kept, so positions elsewhere still hold). A
 * JSON record keeps its braces: "return {...}" still reads as a statement with its value, not a bare "return".
 */
export function withoutDescribedRecords(text: string): string {
  const spans = describedRecordSpans(text);
  if (!spans.length) return text;
  let out = "";
  let from = 0;
  for (const [s, e] of spans) {
    const blank = text.slice(s, e).replace(/[^\n]/g, " ");
    out += text.slice(from, s) + (text[s] === "{" ? `{${blank.slice(2)}}` : blank);
    from = e;
  }
  return out + text.slice(from);
}
