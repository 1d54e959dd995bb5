import type { AnswerBody } from "../contracts/index.js";
import type { Criterion, Question } from "../scenarios/index.js";
import { combinedAnswer } from "./answer-text.js";
import { conceptCoverage } from "./coverage.js";
import { withoutGivenText } from "./given-text.js";

/**
 * Criteria the answer shows no evidence for at all ("clearly missing"),
 * most important first: what an interviewer would probe.
 */
export function unmetCriteria(question: Question, answers: (AnswerBody | null)[]): Criterion[] {
  const text = withoutGivenText(combinedAnswer(answers), question);
  return question.rubric
    .filter((c) => conceptCoverage(c, text).hits.length === 0)
    .sort((a, b) => b.weight - a.weight);
}
