import type { AnswerBody } from "../contracts/index.js";
import type { Criterion, Question } from "../scenarios/index.js";
import { canonicalQuestion } from "./canonical-question.js";
import { runChecks } from "./checks/index.js";
import { codeLines } from "./code-shape.js";
import { identifierWords } from "./code-text.js";
import { conceptCoverage } from "./coverage.js";
import { claimOptionsFor, questionTerms } from "./language/index.js";
import { prepareAnswer, type PrepareContext } from "./prepare-answer.js";
import { evidenceFor } from "./story.js";
import { gradeQuestion, type QuestionGrade } from "./grade-question.js";

/** The top of the 0-4 scale: a criterion there has nothing left to probe. */
const TOP = 4;

/**
 * How far an answer is from the top on one criterion, by its key points:
 * `level` is the level the stated key points (and passed checks) earn, as
 * grading counts them before similarity moves it; `missing` and `covered` name
 * the key points (and checks) by their labels. Labels are rubric text: they
 * choose what a follow-up asks about, and are never shown to the candidate.
 */
export type CriterionGap = { criterion: Criterion; level: number; missing: string[]; covered: string[] };

/** Every criterion's gap, in rubric order. */
export function criterionGaps(question: Question, answers: (AnswerBody | null)[], ctx: PrepareContext = {}): CriterionGap[] {
  const read = gapReader(question, answers, ctx);
  return question.rubric.map(read);
}

/** One criterion's gap (undefined for an id the question does not have). */
export function criterionGap(
  question: Question,
  answers: (AnswerBody | null)[],
  criterionId: string,
  ctx: PrepareContext = {},
): CriterionGap | undefined {
  const criterion = question.rubric.find((c) => c.id === criterionId);
  return criterion && gapReader(question, answers, ctx)(criterion);
}

/**
 * The criterion a follow-up probes, as an interviewer picks it: among the
 * criteria the grade leaves below the top, the one whose level is furthest
 * below it (a criterion half met is probed as well as one not met at all), ties
 * going to the larger weight, then to rubric order. Undefined when the grade
 * puts every criterion at the top. It reads criteria in weight order and stops
 * at the first with nothing stated (no gap is larger), since each criterion
 * read costs milliseconds of language analysis on the way to the candidate's
 * next question.
 *
 * The grade decides which criteria are unmet, not the key-point level alone: the
 * level is counted before similarity to the references moves the score, so an
 * answer that says a key point in other words can score 4 on a criterion whose
 * level is 3, and a follow-up there asked a candidate with 4/4/4/4 for more
 * (outside tester, session 21). The grade reads the same prepared answer
 * (prepareAnswer keeps it), and is what the report then shows.
 */
export function weakestCriterion(
  question: Question,
  answers: (AnswerBody | null)[],
  ctx: PrepareContext = {},
  // The interview passes the grade it read (the question's grade when no follow-up comes): one grading per answer.
  grade: QuestionGrade = gradeQuestion(question, answers, ctx),
): CriterionGap | undefined {
  const graded = new Map(grade.scores.map((s) => [s.criterionId, s.score]));
  const read = gapReader(question, answers, ctx);
  let weakest: CriterionGap | undefined;
  // A stable sort: equal weights keep rubric order, so the first of a tie is the one to keep.
  for (const criterion of [...question.rubric].sort(byWeight)) {
    if ((graded.get(criterion.id) ?? 0) >= TOP) continue;
    const gap = read(criterion);
    if (gap.level < TOP && (!weakest || gap.level < weakest.level)) weakest = gap;
    if (gap.level === 0) break;
  }
  return weakest;
}

const byWeight = (a: Criterion, b: Criterion) => b.weight - a.weight;

/**
 * A criterion's key points as the answers state them, read as grading reads
 * them (the same cleaned prose and code, claims in prose, working lines in code,
 * names in code answering a conceptual question), and its level counted as
 * grading counts key points: the share of what a full answer needs (`enough`
 * of a list of alternatives), at least 1 once anything is stated.
 */
function gapReader(given: Question, answers: (AnswerBody | null)[], ctx: PrepareContext): (c: Criterion) => CriterionGap {
  // Read through the canonical copy, whose readings are cached (canonical-question.ts); criteria are returned from `given`.
  const question = canonicalQuestion(given);
  const evidence = evidenceFor(question, prepareAnswer(question, answers, ctx).evidence);
  const lines = codeLines(evidence.code);
  const code = question.coding ? lines : identifierWords(lines);
  const isTerm = questionTerms(question);
  const read = claimOptionsFor(question);
  const all = `${evidence.prose}\n\n${evidence.code}`.trim();
  return (c: Criterion): CriterionGap => {
    const stated = new Set<string>();
    if (evidence.prose) for (const h of conceptCoverage(c, evidence.prose, { prose: true, isTerm, ...read }).hits) stated.add(h.label);
    if (code) for (const h of conceptCoverage(c, code, { prose: false }).hits) stated.add(h.label);
    // Checks that cannot run here (a prompt lab without its run) count neither way, as in grading.
    const checks = c.evidence.checks.length && all ? runChecks(c, question, all).filter((r) => !r.skipped) : [];
    const covered = [
      ...c.evidence.concepts.filter((k) => stated.has(k.label)).map((k) => k.label),
      ...checks.filter((r) => r.passed).map((r) => r.label),
    ];
    const missing = [
      ...c.evidence.concepts.filter((k) => !stated.has(k.label)).map((k) => k.label),
      ...(all ? checks.filter((r) => !r.passed).map((r) => r.label) : c.evidence.checks),
    ];
    const total = covered.length + missing.length;
    const needed = Math.min(total, c.evidence.enough ?? total);
    const share = needed === 0 ? 0 : Math.min(1, covered.length / needed);
    const level = covered.length > 0 ? Math.max(1, Math.round(TOP * share)) : 0;
    return { criterion: c, level, missing, covered };
  };
}
