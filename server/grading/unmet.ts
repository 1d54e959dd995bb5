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
  const shown = (c: Criterion) =>
    (prose && conceptCoverage(c, prose, { prose: true, isTerm, story }).hits.length > 0) ||
    (code && conceptCoverage(c, code, { prose: false }).hits.length > 0);
  return question.rubric.filter((c) => !shown(c)).sort((a, b) => b.weight - a.weight);
}
