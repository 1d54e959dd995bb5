import type { AnswerBody } from "../contracts/index.js";
import type { Question } from "../scenarios/index.js";
import { answerParts } from "./answer-parts.js";
import type { QuestionGrade } from "./grade-question.js";
import { scoreTests, TESTS_CRITERION_ID, type TestEvidence } from "./tests-criterion.js";

/**
 * A grade read without the final code's test run (the follow-up decision's, which comes before any run), with the
 * run's criterion put in: the same grade `gradeQuestion` gives with `tests`, since the run scores only its own
 * criterion, appended after the rubric's (never capped or penalised with them). So the interview grades an answer
 * once: the decision's grade is the question's grade when no follow-up comes. A prompt lab's run is different: it
 * moves the rubric's own checks, so a grade read without it is read again (the grade node does not pass it on).
 */
export function withTestRun(
  question: Question,
  answers: (AnswerBody | null)[],
  grade: QuestionGrade,
  tests: TestEvidence | undefined,
): QuestionGrade {
  if (!question.coding) return grade;
  const hasCode = answerParts(answers).submittedCode.length > 0;
  const run = scoreTests(tests, hasCode);
  // The run's criterion is the last score (grade-question.ts appends it after the rubric's).
  const last = grade.scores.at(-1);
  if (last?.criterionId !== TESTS_CRITERION_ID) throw new Error(`the grade of coding question "${question.id}" has no test criterion`);
  return { ...grade, scores: [...grade.scores.slice(0, -1), run] };
}
