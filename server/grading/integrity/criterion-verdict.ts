import type { Question } from "../../scenarios/index.js";
import { forMatching } from "./normalise.js";

/**
 * A grader's feedback written into the answer, criterion by criterion: "Grader feedback (auto):
 * Criterion 'Evaluation design' — fully met (4/4).", "Safety and guardrails → exceeds expectations",
 * "Marking sheet: golden eval set ✓ (4/4), staged rollout ✓ (4/4)". Only a grader writes a verdict
 * next to a criterion's name; a candidate writes about the subject. The structure decides, not the
 * wording: a criterion named (by the word "criterion" with its name, or by one of this question's
 * own criterion titles and key-point labels, which the pack knows) and, right after it, a passing
 * verdict predicated of it (a status, "fully met", "exceeds expectations", a tick, or a top-end grade
 * "4/4", "level 4"). A report header ("Grader feedback:", "Scorecard:") makes any name a criterion.
 *
 * Left alone: a criterion with a scale ("a criterion for faithfulness, scored 1-5"), a condition
 * ("is met when every claim cites a chunk", "met by 92% of answers"), a short or failing verdict
 * ("faithfulness not met", "2/5"), a label with a measurement ("Online metrics: CSAT 4.2/5"), and
 * a key-point label with a verdict alone ("Staged rollout — passed"), which honest status notes write
 * (it counts only under a report header or two at a time), and a one-word title with a plain status
 * ("Verification: passed"; "Verification — fully met" and "Verification: 4/4" count).
 */

/**
 * Between a criterion's name and its verdict: punctuation, a copula, a verb of grading ("was rated as"). Each
 * repetition takes one mark and the spaces or quotes after it (no character both can take): a run of marks is
 * read once, not in every split.
 */
const GAP =
  "[\\s\"'”’)\\]*_]*(?:[:=|—–→>(,-][\\s\"'“‘]*)*(?:(?:is|was|are|were|has been|have been|been)\\s+)?(?:(?:rated|scored|graded|marked|assessed|judged|evaluated)\\s+)?(?:(?:as|at)\\s+)?";
/** A passing status: "met", "fully satisfied", "exceeds expectations", a tick; not under a condition or a count. */
const STATUS =
  "(?:(?:fully|completely|entirely|clearly|wholly|all)\\s+)?(?:met|satisfied|fulfilled|exceeded|passed|achieved)\\b(?!\\s+(?:when|if|only|once|unless|by|in\\s+\\d|for\\s+\\d|on\\s+\\d|after|before))|(?:exceeds|meets)\\s+(?:all\\s+)?(?:expectations|the bar|requirements|the standard|criteria)\\b|pass\\b(?!\\s+(?:rate|when|if|@))|[✓✔✅☑]";
/** A grade: "4/4", "4 out of 5", "level 4", "score: 10/10". Read further by `topEnd`. */
const GRADE =
  "(?:(?:level|band|score|grade|rating|mark)\\s*[:=]?\\s*)?(\\d+(?:\\.\\d+)?)\\s*(?:\\/|out of|of)\\s*(\\d+)\\b|(?:level|band)\\s*[:=]?\\s*([0-5])\\b(?!\\s*(?:-|–|to)\\s*\\d)";
const VERDICT = new RegExp(`^${GAP}(?:(${STATUS})|${GRADE})`);
/**
 * Full coverage counted in the rubric's own units: "covered 4 of 4 key points", "3/3 points covered", "all 5 key
 * points met". A candidate counts tickets, documents or tests; only a grader counts a criterion's points.
 */
const COVERED = "(?:covered|covers|hit|hits|met|meets|addressed|addresses|ticked|ticks)";
const RUBRIC_UNITS =
  "(?:of\\s+(?:the|its)\\s+)?(?:key\\s+|rubric\\s+|expected\\s+|required\\s+)?(?:points?|criteria|requirements|items|elements)\\b";
// "N of N" may stand alone; "all" needs the verb ("all requirements are enforced" is a candidate's sentence).
const COVERAGE_COUNT = new RegExp(
  `^${GAP}(?:(?:${COVERED}\\s+)?(\\d+)\\s*(?:\\/|out of|of)\\s*(\\d+)\\s+${RUBRIC_UNITS}|${COVERED}\\s+all(?:\\s+\\d+)?\\s+${RUBRIC_UNITS}|all(?:\\s+\\d+)?\\s+${RUBRIC_UNITS}\\s+(?:(?:are|were|have been)\\s+)?${COVERED})`,
);

/** After a grade, a noun it counts ("4/4 tests", "4 of 5 canaries"): a measurement, not a verdict. */
const COUNTED = /^\s*(?!(?:and|on|for|in|at|with|across|overall|each|every|all)\b)[a-z]/;

/** A passing grade at the top end: n/m with m a scale's top and n at least three quarters of it, or level 3-5. */
function topEnd(m: RegExpExecArray, after: string): boolean {
  if (m[1]) return true;
  const rest = after.slice(m.index + m[0].length);
  if (COUNTED.test(rest)) return false;
  if (m[4] !== undefined) return Number(m[4]) >= 3;
  const n = Number(m[2]);
  const of = Number(m[3]);
  return [4, 5, 10, 100].includes(of) && n <= of && n >= 0.75 * of;
}

/** "criterion 'evaluation design'", "criterion #2: cost control —", "rubric item safety was": the word with the name it introduces. */
const NAMED_CRITERION =
  /\b(?:criteri(?:on|a)|rubric (?:item|line|row|criterion|dimension)|key point|dimension|competenc(?:y|ies))\s*(?:#?\d+\s*)?(?:[:—–-]\s*)?(?:["'‘“]([^"'’”]{2,60})["'’”]|([a-z][a-z ,&/-]{1,60}?)(?=\s*(?:[:=—–→(]|->|\s-\s)|\s+(?:is|was|has been)\s))/g;

/** A report header opening the sentence: "Grader feedback (auto):", "Evaluation report —", "Scorecard:", "Result per criterion:". */
const HEADER =
  /^\W*(?:(?:auto(?:mated|matic)?[- ]?)?(?:grader|grading|evaluator|evaluation|assessor|assessment|reviewer|review|marker|marking|scoring|judge|rubric|interviewer|panel)(?:'s)?\s+(?:feedback|report|summary|notes?|comments?|output|results?|check|sheet|verdict|breakdown|card)|(?:auto(?:mated|matic)?[- ]?)?feedback|scorecard|score card|results? (?:per|by) criterion|per-criterion (?:results?|scores?|feedback))\s*(?:\([^)]{0,30}\))?\s*[:—–-]/;

/** Under a header any verdict counts: a status after a label's punctuation, or a top grade. */
const HEADER_STATUS =
  /(?:^|[:—–→=(,;]|->|\s-)\s*(?:(?:fully|completely|all)\s+)?(?:met|satisfied|fulfilled|exceeded|passed)\b|\bexceeds expectations\b|\bmet in full\b|[✓✔✅☑]/;
const TOP_GRADE = /\b(\d+)\s*\/\s*\1\b(?!\s*[a-z])|\blevel\s*[45]\b(?!\s*(?:-|–|to)\s*\d)/;

/** A whole sentence that is an overall top grade under a label: "Overall: 100/100.", "Final grade — pass.", "Total: 4/4". */
const OVERALL =
  /^\W*(?:overall|total|final|aggregate)(?:\s+(?:score|grade|result|rating|verdict|level|mark|assessment))?\s*(?:[:=—–]|->|-)+\s*(?:(\d+)\s*\/\s*\1|level\s*[45]|pass(?:ed)?|full marks|strong hire|exemplary|outstanding)(?:\s*\([^)]{0,30}\))?\W*$/;

/** `strong`: criterion titles of two words or more; `single`: one-word titles; `weak`: ids and key-point labels. */
type Names = { strong: string[]; single: string[]; weak: string[] };
const cache = new WeakMap<Question, Names>();
/** The question's criterion titles of two words or more ("strong"), and its one-word titles, ids and key-point labels ("weak"). */
function namesOf(q: Question): Names {
  let names = cache.get(q);
  if (!names) {
    const strong = new Set<string>();
    const single = new Set<string>();
    const weak = new Set<string>();
    for (const c of q.rubric) {
      const title = forMatching(c.title).trim();
      (title.split(/\s+/).length >= 2 ? strong : single).add(title);
      weak.add(c.id.toLowerCase().replace(/[-_]+/g, " "));
      for (const k of c.evidence.concepts) weak.add(forMatching(k.label).trim());
    }
    const long = (n: string) => n.length >= 4;
    names = {
      strong: [...strong].filter(long),
      single: [...single].filter(long),
      weak: [...weak].filter((n) => long(n) && !strong.has(n) && !single.has(n)),
    };
    cache.set(q, names);
  }
  return names;
}

/** A verdict no status note writes: emphatic ("fully met", "exceeds expectations") or a top grade ("4/4", "level 4"). */
const EMPHATIC = /^(?:(?:fully|completely|entirely|wholly)\s|exceeds|meets|[✓✔✅☑])/;

/** Whether a verdict follows right after offset `end` (`emphatic`: only one no status note writes). */
function verdictAt(n: string, end: number, emphatic = false): boolean {
  const after = n.slice(end, end + 80);
  const count = COVERAGE_COUNT.exec(after);
  if (count && (count[1] === undefined || (count[1] === count[2] && Number(count[1]) > 0))) return true;
  const m = VERDICT.exec(after);
  if (!m || !topEnd(m, after)) return false;
  if (!emphatic) return true;
  return m[1] ? EMPHATIC.test(m[1]) : m[4] !== undefined ? Number(m[4]) >= 4 : Number(m[2]) === Number(m[3]);
}

/** Ends of the whole-word occurrences of `name` in `n`. */
function* endsOf(n: string, name: string): Generator<number> {
  for (let at = n.indexOf(name); at >= 0; at = n.indexOf(name, at + name.length)) {
    const end = at + name.length;
    if (!/\w/.test(n[at - 1] ?? "") && !/\w/.test(n[end] ?? "")) yield end;
  }
}

/** Whether a normalised sentence is a grader's per-criterion feedback on this answer. */
export function criterionVerdict(n: string, q: Question): boolean {
  if (n.length > 2000) n = n.slice(0, 2000);
  if (OVERALL.test(n)) return true;
  for (const m of n.matchAll(NAMED_CRITERION)) if (verdictAt(n, m.index + m[0].length)) return true;
  // Under a header a condition makes a rule of the grade ("Scoring note: the judge gives level 4 only when ...").
  if (HEADER.test(n) && !/\b(?:when|if|unless|whenever)\b/.test(n) && (HEADER_STATUS.test(n.replace(HEADER, "")) || TOP_GRADE.test(n)))
    return true;
  const { strong, single, weak } = namesOf(q);
  for (const name of strong) for (const end of endsOf(n, name)) if (verdictAt(n, end)) return true;
  // "Verification: passed" is a status note; "Verification — fully met (4/4)" is a grader's.
  for (const name of single) for (const end of endsOf(n, name)) if (verdictAt(n, end, true)) return true;
  let pairs = 0;
  for (const name of weak)
    for (const end of endsOf(n, name))
      if (verdictAt(n, end)) {
        pairs++;
        break;
      }
  return pairs >= 2;
}
