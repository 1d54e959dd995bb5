import type { AnswerBody } from "../contracts/index.js";
import type { Criterion, Question } from "../scenarios/index.js";
import { canonicalQuestion } from "./canonical-question.js";
import { codeLines } from "./code-shape.js";
import { conceptCoverage } from "./coverage.js";
import { claimOptionsFor, questionTerms } from "./language/index.js";
import { prepareAnswer, type PrepareContext } from "./prepare-answer.js";
import { evidenceFor } from "./story.js";

/**
 * Criteria the answer shows no evidence for at all ("clearly missing"),
 * most important first: what an interviewer would probe. The answer is read
 * as grading reads it (the same cleaned prose and code, claims in prose,
 * working lines in code), so a follow-up never asks for what the grade
 * already credits.
 */
export function unmetCriteria(question: Question, answers: (AnswerBody | null)[], ctx: PrepareContext = {}): Criterion[] {
  const shown = evidenceShown(question, answers, ctx);
  return question.rubric.filter((c) => !shown(c)).sort(byWeight);
}

/**
 * The first of `unmetCriteria`, reading only as many criteria as it takes: the
 * follow-up probes one criterion, and each criterion read costs milliseconds of
 * language analysis on the way to the candidate's next question.
 */
export function firstUnmetCriterion(question: Question, answers: (AnswerBody | null)[], ctx: PrepareContext = {}): Criterion | undefined {
  const shown = evidenceShown(question, answers, ctx);
  // A stable sort: equal weights keep rubric order, as in unmetCriteria.
  return [...question.rubric].sort(byWeight).find((c) => !shown(c));
}

const byWeight = (a: Criterion, b: Criterion) => b.weight - a.weight;

/** Whether the answers show any evidence for a criterion, read as grading reads them. */
function evidenceShown(given: Question, answers: (AnswerBody | null)[], ctx: PrepareContext): (c: Criterion) => boolean {
  // Read through the canonical copy, whose readings are cached (canonical-question.ts); criteria are returned from `given`.
  const question = canonicalQuestion(given);
  const evidence = evidenceFor(question, prepareAnswer(question, answers, ctx).evidence);
  const code = codeLines(evidence.code);
  const isTerm = questionTerms(question);
  const read = claimOptionsFor(question);
  return (c: Criterion) =>
    Boolean(
      (evidence.prose && conceptCoverage(c, evidence.prose, { prose: true, isTerm, ...read }).hits.length > 0) ||
      (code && conceptCoverage(c, code, { prose: false }).hits.length > 0),
    );
}
