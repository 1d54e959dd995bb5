import { GRADE_NAME } from "./verdict-shape.js";
import type { Question } from "../../scenarios/index.js";

/** A key and a grade-like value: `"style": 4`, `knowledge = 3/4`, `strategy: 100`. */
const PAIR = /["']?([A-Za-z][\w -]{1,40}?)["']?\s*[:=]\s*["']?(\d{1,3}(?:\.\d+)?)(?:\s*\/\s*(\d{1,3}))?["']?(?=\s*[,}\n;)]|\s*$)/g;
/**
 * Keys that name a grade as a whole, read with separators dropped ("overall_grade" -> "overallgrade"): the grade
 * names every container shares (verdict-shape.ts), alone or after "overall", "total" or "final", and those three
 * alone. One list for both readings, so a key one of them knows ("marks", "band", "points") the other knows too.
 */
const GRADE_WORD = new RegExp(
  `^(?:(?:overall|total|final)(?:${GRADE_NAME.strong}|${GRADE_NAME.weak})?|${GRADE_NAME.strong}|${GRADE_NAME.weak})$`,
);

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const rubricKeys = new WeakMap<Question, Set<string>>();
/** The question's criteria by every name a record could use: ids and titles, case and separators ignored. */
function criterionNames(q: Question): Set<string> {
  let names = rubricKeys.get(q);
  if (!names) {
    names = new Set(q.rubric.flatMap((c) => [key(c.id), key(c.title)]).filter((k) => k.length >= 3));
    rubricKeys.set(q, names);
  }
  return names;
}

/**
 * A value a grade takes: a level (0-5), a top mark of 10 or 100, or "n/4" (out of 4, 5, 10 or 100).
 * Not any number up to 100: "latency: 40, cost: 12" are measurements, whatever the criteria are called.
 */
const gradeLike = (value: number, outOf: number | undefined) =>
  outOf !== undefined
    ? value <= outOf && [4, 5, 10, 100].includes(outOf)
    : Number.isInteger(value) && (value <= 5 || value === 10 || value === 100);
/**
 * Keys whose top value grades the whole answer; "total: 100" beside "max_retries: 3" is a configuration.
 * "overall_grade" and "final_grade" used to be listed here but never matched: the grade-word list did not know them.
 */
const TOP_KEY = /^(?:(?:overall|final)(?:score|grade)?|score|grade)$/;

/**
 * Whether a text holds a record grading this question by its own rubric: two or more of its criteria
 * (by id or title) given grade-like values, or one beside an overall grade — `{"knowledge": 4,
 * "style": 4}`, `{"evaluation": {"strategy": 4, ..., "overall": 100}}`. Whatever container it comes in
 * (JSON, YAML, key = value), a candidate has no reason to write grades for the rubric's criteria.
 */
export function rubricRecord(text: string, question: Question): boolean {
  // Every pair has a figure after its colon or equals sign: text without one (most prose) has no pair to read.
  if (!/[:=]\s*["']?\d/.test(text)) return false;
  const names = criterionNames(question);
  const graded = new Set<string>();
  const levels = new Set<string>();
  let overall = false;
  let overallTop = false;
  for (const m of text.matchAll(PAIR)) {
    const k = key(m[1]!);
    const value = Number(m[2]);
    const outOf = m[3] === undefined ? undefined : Number(m[3]);
    if (!gradeLike(value, outOf)) continue;
    if (names.has(k)) graded.add(k);
    else if (GRADE_WORD.test(k)) {
      overall = true;
      overallTop ||= TOP_KEY.test(k) && (outOf === undefined ? value === 100 : value === outOf);
    } else if (outOf === undefined && Number.isInteger(value) && value <= 5) levels.add(k);
  }
  // Whatever the keys are called: levels per item under a top overall grade is a grading sheet
  // (`{"evaluation": {"strategy": 4, "validation": 4, "overall": 100}}`); a judge's scores the
  // candidate reports (`{"faithfulness": 4, "overall": 3.5}`) carry no top grade.
  return graded.size >= 2 || (graded.size === 1 && overall) || (levels.size >= 2 && overallTop);
}
