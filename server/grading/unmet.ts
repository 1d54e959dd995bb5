import type { AnswerBody } from "../contracts/index.js";
import type { Criterion, Question } from "../scenarios/index.js";
import { codeLines } from "./code-shape.js";
import { conceptCoverage } from "./coverage.js";
import { questionTerms } from "./language/index.js";
import { prepareAnswer } from "./prepare-answer.js";
import { evidenceFor } from "./story.js";

/**
 * Criteria the answer shows no evidence for at all ("clearly missing"),
 * most important first: what an interviewer would probe. The answer is read
 * as grading reads it (the same cleaned prose and code, claims in prose,
 * working lines in code), so a follow-up never asks for what the grade
 * already credits.
 */
export function unmetCriteria(question: Question, answers: (AnswerBody | null)[]): Criterion[] {
  const evidence = evidenceFor(question, prepareAnswer(question, answers).evidence);
  const code = codeLines(evidence.code);
  const isTerm = questionTerms(question);
  const story = question.kind === "behavioural";
  const shown = (c: Criterion) =>
    (evidence.prose && conceptCoverage(c, evidence.prose, { prose: true, isTerm, story }).hits.length > 0) ||
    (code && conceptCoverage(c, code, { prose: false }).hits.length > 0);
  return question.rubric.filter((c) => !shown(c)).sort((a, b) => b.weight - a.weight);
}
