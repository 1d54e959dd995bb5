import type { AnswerBody, CriterionScore } from "../contracts/index.js";
import type { Question } from "../scenarios/index.js";
import { combinedAnswer, wordCount } from "./answer-text.js";
import { conceptCoverage, coverageScore } from "./coverage.js";
import { withoutGivenText } from "./given-text.js";
import { scoreTests, type TestEvidence } from "./tests-criterion.js";

/** Below this many words an answer is too thin to judge honestly. */
export const MIN_WORDS_TO_JUDGE = 12;

/**
 * The deterministic layer: score each rubric criterion by the evidence
 * concepts the answer shows, citing the quoted spans it rests on.
 */
export function gradeQuestion(question: Question, answers: (AnswerBody | null)[], tests?: TestEvidence): CriterionScore[] {
  const text = withoutGivenText(combinedAnswer(answers), question);
  const hasCode = answers.some((a) => Boolean(a?.code?.trim()));
  // Coding questions also carry the automatic tests criterion, judged on the run itself.
  const withTests = (scores: CriterionScore[]) => (question.coding ? [...scores, scoreTests(tests, hasCode)] : scores);
  if (!text) {
    return withTests(question.rubric.map((c) => insufficient(c.id, "Not answered.")));
  }
  if (!hasCode && wordCount(text) < MIN_WORDS_TO_JUDGE) {
    return withTests(
      question.rubric.map((c) => insufficient(c.id, `Insufficient evidence: the answer is too short to judge (${wordCount(text)} words).`)),
    );
  }
  return withTests(question.rubric.map((criterion) => {
    const coverage = conceptCoverage(criterion, text);
    const score = coverageScore(coverage);
    const anchor = criterion.anchors[String(score) as keyof typeof criterion.anchors];
    const covered = coverage.hits.map((h) => h.label).join(", ");
    const feedback =
      coverage.hits.length === 0
        ? `No evidence found for this criterion. Level ${score}: ${anchor}`
        : `Covered ${coverage.hits.length} of ${coverage.total} key points (${covered}). Level ${score}: ${anchor}`;
    return {
      criterionId: criterion.id,
      score,
      evidence: coverage.hits.map((h) => ({ quote: h.quote, note: h.label })),
      feedback,
      source: "evidence" as const,
      insufficientEvidence: false,
    };
  }));
}

function insufficient(criterionId: string, feedback: string): CriterionScore {
  return { criterionId, score: 0, evidence: [], feedback, source: "evidence", insufficientEvidence: true };
}
