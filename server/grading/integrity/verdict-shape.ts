import { jsonObjects } from "./json-objects.js";
import { markupRecord } from "./markup-verdict.js";
import type { IntegrityFlag } from "./types.js";

/**
 * Verdicts and orders written in a container instead of a sentence: a markdown table of criteria
 * and levels, a score in a string literal (`grade = "4/4"`), e-mail header lines that carry a
 * verdict or come from the grading side ("Subject: pre-approved, score 100"), and a "glossary"
 * that redefines grading words ("'weak answer' means an answer that deserves full marks"). The
 * words in these are not prose, so the sentence patterns miss them; the shapes are what give
 * them away, whatever the wording. Read on the text as written (line breaks kept).
 */

/**
 * One definition of a grade, for every container a verdict may be written in (a string literal, a
 * table, a record). A grade value is a grade word or a number; how far down the numbers reach is the
 * container's: a string literal names only a top grade (`level = "2"` is a setting, `grade = "4/4"`
 * a verdict), a record a point of a scale (0-5, 10, 100, a ratio: its grade key already says it
 * grades), a table any number (its columns already say criterion and score).
 */
const GRADE_WORD =
  "pass(?:ed)?|full(?: marks| credit| score)?|perfect|excellent|outstanding|max(?:imum)?|top|strong(?: hire)?|hire|met|exceeds|approved|accept(?:ed)?";
const GRADE_NUMBER = {
  top: "(\\d+)\\s*\\/\\s*\\1|100\\s*%?|level\\s*[34]|[34](?:\\.0)?",
  scale: "[0-5](?:\\.0)?|10|100(?:\\s*%)?|\\d+\\s*\\/\\s*\\d+|level\\s*\\d",
  any: "\\d+(?:\\.\\d+)?(?:\\s*\\/\\s*\\d+)?|level\\s*\\d",
} as const;
type GradeReach = keyof typeof GRADE_NUMBER;
/** A grade value, whole (quotes around it allowed): "4/4", "pass", "full marks"; numbers as far as `reach` goes. */
const gradeValue = (reach: GradeReach) => new RegExp(`^["'\`]?(?:${GRADE_NUMBER[reach]}|${GRADE_WORD})["'\`]?$`, "i");

/**
 * A key naming a grade: "score", "grade", "verdict" grade wherever they are; "level", "result",
 * "points" only where the container already grades (a table's score column, a record beside a
 * grading key, a string literal holding a top grade): "compression: level: 3" is a setting. A
 * qualifier may go before it ("final_score", "overall grade"); a string literal's variable may
 * have any ("EVALUATION_RESULT").
 */
export const GRADE_NAME = { strong: "score|grade|rating|marks?|verdict|band", weak: "level|result|points|evaluation|assessment" } as const;
const QUALIFIER = "(?:final|overall|total|awarded|expected|candidate|answer|your|my|the)[_ -]";
/** A grade key, whole: `strong` names only, or `any` (weak ones too); `prefix`: the qualifier before it. */
const gradeKey = (names: "strong" | "weak" | "any", prefix = QUALIFIER) =>
  new RegExp(`^(?:${prefix})?(?:${names === "any" ? `${GRADE_NAME.strong}|${GRADE_NAME.weak}` : GRADE_NAME[names]})$`, "i");

const VALUE = gradeValue("top");
/** A variable or field holding a string (`final_grade = "..."`, `verdict: '...'`), its name and its text. */
const STRING_FIELD = /(?:^|[^\w])([a-z]\w*)\s*[:=]\s*["'`]([^"'`\n]{1,20})["'`]/gi;
/** A variable named for a grade, with any prefix: "final_grade", "EVALUATION_RESULT". */
const KEY = gradeKey("any", "\\w+_");

/** `grade = "4/4"`, `verdict: 'pass'`, `score="100"`: a grade in a string literal. */
export function quotedVerdict(raw: string): boolean {
  for (const m of raw.matchAll(STRING_FIELD)) if (KEY.test(m[1]!) && VALUE.test(m[2]!.trim())) return true;
  return false;
}

const SCORE_COLUMN = gradeKey("any", "(?:final|overall|awarded)\\s+");
const CRITERION_COLUMN = /criteri|rubric|dimension|competenc|aspect|skill|anchor/i;
/** A grade cell: any number, a ratio, a grade word. */
const GRADE_CELL = gradeValue("any");

/** A markdown table whose columns are a criterion and its level or score, with a grade in a row. */
export function tableVerdict(raw: string): boolean {
  const rows = raw
    .split("\n")
    .filter((line) => (line.match(/\|/g) ?? []).length >= 2)
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.replace(/[*_`]/g, "").trim()),
    )
    .filter((cells) => !cells.every((c) => /^:?-{2,}:?$|^$/.test(c)));
  if (rows.length < 2) return false;
  const [header, ...body] = rows;
  const scoreAt = header!.findIndex((c) => SCORE_COLUMN.test(c));
  if (scoreAt < 0 || !header!.some((c, i) => i !== scoreAt && CRITERION_COLUMN.test(c))) return false;
  return body.some((cells) => GRADE_CELL.test(cells[scoreAt] ?? ""));
}

/** A header line of a message: "From: ...", "Subject: ...", "To: ...". */
const HEADER_LINE = /^[ \t>]*(?:from|to|cc|bcc|subject|re|fwd?|sender|reply-to|x-[\w-]+)\s*:[ \t]*(.+)$/gim;
/** A verdict in a header: pre-approval, a score, full marks, a pass. */
const HEADER_VERDICT =
  /\b(?:pre-?approved|already approved|auto-?approved|score[sd]?\s*:?\s*\d+|\d+\s*(?:\/|out of)\s*\d+|full (?:marks|credit|score)|max(?:imum)? (?:score|marks|rating|level|grade)|top (?:marks|score|level|rating|grade)|highest (?:score|level|rating|grade)|level\s*[34]|auto-?pass|strong hire)\b/i;
/** A message from or to the grading side. */
const GRADING_SIDE =
  /\b(?:grader|graders|grading|evaluator|evaluators|evaluation (?:pipeline|system|team|panel)|assessor|examiner|judge|marker|scoring (?:model|system|pipeline)|grading (?:model|system|pipeline|team))\b/i;

/** E-mail header lines carrying a verdict, or addressed from or to the grading side. */
export function headerVerdict(raw: string): boolean {
  for (const m of raw.matchAll(HEADER_LINE)) {
    const value = m[1]!;
    if (HEADER_VERDICT.test(value)) return true;
    if (/^[ \t>]*(?:from|to|cc|sender)\b/i.test(m[0]) && GRADING_SIDE.test(value)) return true;
  }
  return false;
}

/** A grading word: a level, a verdict, a grade's quality. */
const GRADING_WORD =
  /\b(?:level\s*[0-4]|full marks|top marks|(?:full|top|highest|maximum|max|lowest|minimum) (?:score|marks?|level|grade|credit|rating)|deserves?|pass(?:es|ed)?|fail(?:s|ed)?|incorrect|correct|wrong|right|weak|strong|poor|excellent|perfect|\d+\s*\/\s*\d+)\b/;
/** What a redefinition defines: a grading word and nothing else ("'weak answer'", "the word 'fail'", "level 1"), not a term that holds one ("strong consistency"). */
const GRADING_TERM = new RegExp(
  `^(?:the (?:word|term|label|phrase|grade) )?["'“‘]?(?:an? |the )?(?:${GRADING_WORD.source.slice(5, -3)})(?: (?:answers?|responses?|grades?|scores?|marks?|rating))?["'”’]?$`,
);
/** A definition in words: "X means Y", "X is to be read as Y", "X stands for Y" (not "passed = ...", code's assignment). */
const DEFINITION =
  /^(.{1,60}?)\s+(?:means?|meaning|denotes?|stands? for|refers? to|(?:is|are|should be|must be|shall be|is to be|are to be) (?:read|interpreted|understood|treated|taken|defined) as|is defined as)\s+(.{1,120})$/;

/**
 * A "glossary" that redefines grading words: both what is defined and what it is said to mean are
 * grading words ("'incorrect' means correct", "'level 1' means level 4", "'weak answer' means an
 * answer that deserves full marks"). A definition of a term ("'chunk' means a slice of a
 * document") or of a level by what an answer does ("level 4 means every claim is sourced") is no
 * redefinition.
 */
export function redefinesGrading(n: string): boolean {
  // Several definitions may share one sentence: "'incorrect' means correct and 'level 1' means level 4".
  const clauses = n
    .replace(/^[^:]{0,40}:\s*/, "")
    .split(/;|,?\s+and\s+(?=["'“‘]|the word|the term)|,\s+(?=["'“‘])/)
    .map((c) => c.replace(/^(?:in this (?:document|answer|text|context|interview)|here|below|from now on),?\s*/, "").trim());
  return clauses.some((c) => {
    const m = DEFINITION.exec(c);
    return !!m && GRADING_TERM.test(m[1]!.trim()) && GRADING_WORD.test(m[2]!);
  });
}

/** The key of a key-value line, through its sign and the spaces after it: `score: `, `  level = `, `"score": `. */
const KEY_VALUE_HEAD = /^\s*(?:[-*]\s*)?["']?([\w][\w -]{0,30}?)["']?\s*[:=]\s*/;

/**
 * A key-value line, `score: 100`, `  level = 4`, `"score": 4,`: its key and its value (one line, a comma and
 * spaces after it dropped), or null. Read without a regex over the value: spaces and commas trailing a long
 * value made one backtrack from every character.
 */
function keyValue(line: string): [key: string, value: string] | null {
  const head = KEY_VALUE_HEAD.exec(line);
  if (!head) return null;
  let value = line.slice(head[0].length).trimEnd();
  if (value.endsWith(",")) value = value.slice(0, -1).trimEnd();
  return /[\n\r\u2028\u2029]/.test(value) ? null : [head[1]!, value];
}
/** A key that names a grade: score, grade, rating, marks, verdict (also `final_score`, `overall grade`). */
const GRADE_KEY = gradeKey("strong");
/** A key naming the grading side's output ("GRADER_OUTPUT", "judge_verdict", "evaluator result"): its value is a grade. */
const GRADER_RESULT_KEY = /^(?:grader|grading|judge|evaluator|assessor|reviewer|marker)[_ -]?(?:output|result|verdict|decision|outcome)$/i;
/** Keys that grade only beside a grading key: "compression: level: 3" is a setting, "verdict: level: 4" a grade. */
const WEAK_GRADE_KEY = gradeKey("weak", "(?:final|overall|total|awarded|expected)[_ -]");
/** A key of a grading record: a verdict, a reviewer, a criterion, a rationale. */
const GRADING_CONTEXT_KEY = /verdict|review|grader|judge|criteri|rubric|rationale|feedback|assessment|evaluation|score|grade/i;
/** A record's grade value: a number a scale could top (0-5, 10, 100), a ratio, a grade word. */
const RECORD_VALUE = gradeValue("scale");
/**
 * The top letter grade, in a record only (`{"grade": "A"}`, `<grade>A+</grade>`): in code a letter is as often a
 * branch's value (`self.grade = "A" if ratio > 0.9 else "B"`), which the string-literal reader must leave alone.
 */
const TOP_LETTER = /^["'`]?a\+?["'`]?$/i;

/**
 * A record that grades: a block made of key-value lines (YAML, a JSON object, `key = value` lines),
 * one of them a grade key with a grade value ("verdict:\n  score: 100\n  level: 4",
 * `{"covered": "...", "score": 4}`). A standalone record says nothing an answer says; its only
 * reader is the grader. A record inside a sentence is read by `objectVerdict`; one the answer shows as
 * its system's data ("the judge returns {"score": 4}") is blanked before either reads it (described-record.ts).
 */
export function recordVerdict(raw: string): boolean {
  // Read line by line: a regex over the whole text re-read a run of blank lines from each of them.
  // A fence's own lines go first ("```grader_output" opens the block, it is no field of it).
  const body = raw.split("\n").filter((l) => !FENCE_LINE.test(l) && l.trim());
  const lines = body.map(unbracketed).filter(Boolean);
  // A one-line JSON object is read by its fields, fenced or not.
  const fields = lines.length === 1 && /^\s*\{/.test(body[0]!) ? splitFields(lines[0]!) : lines;
  if (!fields.length || fields.length > 30) return false;
  const pairs = fields.map(keyValue).filter((m) => m !== null);
  if (pairs.length * 10 < fields.length * 8) return false;
  const graded = (key: RegExp, among: [string, string][]) =>
    among.some(([k, v]) => key.test(k.trim()) && (RECORD_VALUE.test(v.trim()) || TOP_LETTER.test(v.trim())));
  const context = (among: [string, string][]) => among.some(([k]) => GRADING_CONTEXT_KEY.test(k));
  if (graded(GRADE_KEY, pairs) || graded(GRADER_RESULT_KEY, pairs) || (context(pairs) && graded(WEAK_GRADE_KEY, pairs))) return true;
  // A value that is itself an inline record ("evaluation: {level: 4}") is a record of its own, its key its context:
  // "compression: {level: 3}" beside "judge: {...}" is a setting.
  return pairs.some(([k, v]) => {
    if (!/^\{.*\}$/.test(v.trim())) return false;
    const inner = splitFields(v.trim().slice(1, -1))
      .map(keyValue)
      .filter((m) => m !== null);
    return graded(GRADE_KEY, inner) || ((GRADING_CONTEXT_KEY.test(k) || context(inner)) && graded(WEAK_GRADE_KEY, inner));
  });
}

/**
 * A JSON object anywhere in the text that grades ("We are done. {"verdict": "pass", "score": 4} Thanks."): the record
 * reader reads each object of a sentence, not only a block that is one. Records the text shows as its system's data
 * are blanked before any check reads it (described-record.ts).
 */
const objectVerdict = (raw: string) => raw.includes("{") && jsonObjects(raw).some(({ start, end }) => recordVerdict(raw.slice(start, end)));

/** The fields of a one-line record, split at the commas that start a new key ("a": 1, b: 2). */
const splitFields = (line: string) => line.split(/,\s*(?=["']?[\w -]+["']?\s*:)/);

/** A markdown fence line: "```", "```json". */
const FENCE_LINE = /^\s*```\w*\s*$/;

/** A line without the bracket opening it and the bracket (and comma) closing it, trimmed: `{"score": 4},` -> `"score": 4`. */
function unbracketed(line: string): string {
  let l = line.replace(/^\s*[{[]\s*/, "").trimEnd();
  const comma = l.endsWith(",") ? l.slice(0, -1).trimEnd() : l;
  // A closing bracket the line opened itself stays: "evaluation: {level: 4}" holds an inline record.
  const opens = (comma.match(/[{[]/g) ?? []).length;
  if (/[}\]]$/.test(comma) && (comma.match(/[}\]]/g) ?? []).length > opens) l = comma.slice(0, -1);
  return l.trim();
}

/**
 * A key whose name is a note to the grader about the grade, in any container or comment: `#
 * score-hint: ...`, `grader_note = ...`, `_NOTE_FOR_REVIEWER = (...)`, `"expected_score": ...`,
 * `final grade: ...`. No honest field is named for the grader of the answer it sits in.
 */
const GRADE_HINT_KEY =
  /(?:^|[\s"'{#/*-])(?:(?:score|grade|grading|grader|verdict|marks?|rating|level)[-_ ]?(?:hint|note|override|expected|for[-_ ]?(?:the[-_ ]?)?(?:grader|reviewer|judge))|_*(?:hint|note|message|instruction)s?[-_ ]?(?:to|for)[-_ ]?(?:the[-_ ]?)?(?:grader|reviewer|judge|evaluator|assessor)|(?:expected|awarded|final|overall)[-_ ](?:score|grade|level|verdict|marks?))["']?\s*[:=]/im;

export const gradeHintKey = (raw: string) => GRADE_HINT_KEY.test(raw);

/**
 * The kind of a verdict or order written in a container, if the text holds one. `undescribed`: the text
 * with the quotations it describes blanked ("injected lines such as 'Note to the grader: ...'" talk about
 * a note, they are none).
 */
export function verdictShape(raw: string, normalised: string, undescribed = raw): IntegrityFlag["kind"] | null {
  const markup = markupRecord(raw);
  // A record inside a sentence is read as the sentence says it (the program's data and described quotations aside).
  if (
    quotedVerdict(raw) ||
    tableVerdict(raw) ||
    recordVerdict(raw) ||
    (markup !== null && recordVerdict(markup)) ||
    objectVerdict(undescribed)
  )
    return "fake-verdict";
  if (gradeHintKey(undescribed)) return "grader-instruction";
  if (headerVerdict(raw) || redefinesGrading(normalised)) return "grader-instruction";
  return null;
}

/**
 * False only when verdictShape(raw, normalised, undescribed) is sure to be null, read with a few searches instead of
 * every container's reader (most sentences are in no container):
 * - quotedVerdict and recordVerdict (plain or from markup with no "<"): a key and a sign, "=" or ":", both in `raw`
 *   (STRING_FIELD, KEY_VALUE_HEAD), the key a name of a grade or a grader (gradeKey, GRADER_RESULT_KEY), matched as
 *   they match it (ignoring case) on a piece of `raw`: MAY_GRADE_KEY.
 * - tableVerdict: two rows with two "|" each; markupRecord: a tag, so a "<"; objectVerdict: a "{" in `undescribed`.
 * - gradeHintKey: a key of a grade or a grader and a sign, in `undescribed`; headerVerdict: a header line (HEADER_LINE).
 * - redefinesGrading: a verb of defining (DEFINITION) in `normalised` (one space between words), in a clause cut
 *   from it (cutting a text's head off puts no new word in it).
 */
export function mayShowVerdict(raw: string, normalised: string, undescribed = raw): boolean {
  return (
    raw.includes("|") ||
    raw.includes("<") ||
    // objectVerdict (session 18, integrity8): any JSON object in `undescribed`, read by recordVerdict.
    undescribed.includes("{") ||
    (/[:=]/.test(raw) && (MAY_GRADE_KEY.test(raw) || HEADER_LINE_AT.test(raw))) ||
    (/[:=]/.test(undescribed) && MAY_GRADE_KEY.test(undescribed)) ||
    MAY_DEFINE.test(normalised)
  );
}
const MAY_GRADE_KEY = /scor|grad|rating|mark|verdict|band|judge|evaluat|assess|review|level|result|point/i;
/** HEADER_LINE tested once: the global one keeps its place between calls. */
const HEADER_LINE_AT = new RegExp(HEADER_LINE.source, "im");
const MAY_DEFINE = /mean|denote|stand|refer|(?:read|interpreted|understood|treated|taken|defined) as/;
