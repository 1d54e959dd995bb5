/** Bumped whenever scoring rules change, and recorded in every report. */
export const GRADER_VERSION = "coverage-3";

export { gradeQuestion, MIN_WORDS_TO_JUDGE, type GradeContext, type QuestionGrade } from "./grade-question.js";
export { cleanAnswer, MANIPULATION, type IntegrityFlag } from "./integrity/index.js";
export { extractFixedPrompt, type LabEvidence } from "./checks/index.js";
export { unmetCriteria } from "./unmet.js";
export { prepareAnswer, type PreparedAnswer } from "./prepare-answer.js";
export { answerParts, type AnswerParts } from "./answer-parts.js";
export { gradingCriteria, scoreTests, TESTS_CRITERION_ID, type TestEvidence } from "./tests-criterion.js";
export { questionScore, overallScore } from "./aggregate.js";
export { conceptCoverage, coverageScore } from "./coverage.js";
export { combinedAnswer } from "./answer-text.js";
export { findTerm } from "./match.js";
export { agreement, type Agreement } from "./agreement.js";
export { calibrateLabelled, calibratePack, type CalibrationResult, type LabelledAnswer } from "./calibrate.js";
export { createJudge, JUDGE_PROMPT_VERSION, mergeJudge, type Judge } from "./judge/index.js";
export { runLab } from "./lab/run-lab.js";
export { checkAssertion } from "./lab/assertions.js";
