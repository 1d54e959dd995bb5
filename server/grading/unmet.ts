import type { AnswerBody } from "../contracts/index.js";
import type { Criterion, Question } from "../scenarios/index.js";
import { codeWithoutComments } from "./code-text.js";
import { codeLines, looksLikeCode, readsAsSentences } from "./code-shape.js";
import { conceptCoverage } from "./coverage.js";
import { withoutGivenText } from "./given-text.js";
import { questionTerms } from "./language/index.js";

/**
 * Criteria the answer shows no evidence for at all ("clearly missing"),
 * most important first: what an interviewer would probe. Prose and code are
 * read by the same rules as grading (claims in prose, working lines in code),
 * so a follow-up never asks for what the grade already credits.
 */
export function unmetCriteria(question: Question, answers: (AnswerBody | null)[]): Criterion[] {
  const shown = evidenceShown(question, answers);
  return question.rubric.filter((c) => !shown(c)).sort(byWeight);
}

/**
 * The first of `unmetCriteria`, reading only as many criteria as it takes: the
 * follow-up probes one criterion, and each criterion read costs milliseconds of
 * language analysis on the way to the candidate's next question.
 */
export function firstUnmetCriterion(question: Question, answers: (AnswerBody | null)[]): Criterion | undefined {
  const shown = evidenceShown(question, answers);
  // A stable sort: equal weights keep rubric order, as in unmetCriteria.
  return [...question.rubric].sort(byWeight).find((c) => !shown(c));
}

const byWeight = (a: Criterion, b: Criterion) => b.weight - a.weight;

/** Whether the answers show any evidence for a criterion, prose and code each read by the grading rules. */
function evidenceShown(question: Question, answers: (AnswerBody | null)[]): (c: Criterion) => boolean {
  const submittedCode = answers
    .map((a) => a?.code?.trim() ?? "")
    .filter(Boolean)
    .join("\n\n");
  const codeLanguage = answers.find((a) => a?.code?.trim())?.language;
  const codeIsCode = !submittedCode || looksLikeCode(submittedCode, codeLanguage);
  const prose = withoutGivenText(
    [...answers.map((a) => a?.text?.trim() ?? ""), codeIsCode || !readsAsSentences(submittedCode) ? "" : submittedCode]
      .filter(Boolean)
      .join("\n\n"),
    question,
  );
  const code = codeIsCode && submittedCode ? codeLines(codeWithoutComments(withoutGivenText(submittedCode, question), codeLanguage)) : "";
  const isTerm = questionTerms(question);
  const story = question.kind === "behavioural";
  return (c: Criterion) =>
    Boolean(
      (prose && conceptCoverage(c, prose, { prose: true, isTerm, story }).hits.length > 0) ||
      (code && conceptCoverage(c, code, { prose: false }).hits.length > 0),
    );
}
