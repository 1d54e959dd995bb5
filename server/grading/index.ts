/** Bumped whenever scoring rules change, and recorded in every report. */
const RULES = "coverage-23";
/**
 * The measurement switches (docs/grading.md, "Switches") change grades, so a grade made with one says so in its
 * version ("coverage-19+lexicon=off"): a report or batch file never passes for the shipped grader's.
 */
const SWITCHES = ["GRADER_WIDENING", "GRADER_PARAPHRASE", "GRADER_LEXICON"].flatMap((name) => {
  const value = process.env[name];
  return value ? [`${name.slice("GRADER_".length).toLowerCase()}=${value}`] : [];
});
export const GRADER_VERSION = SWITCHES.length ? `${RULES}+${SWITCHES.join("+")}` : RULES;

export { gradeQuestion, type GradeContext, type QuestionGrade } from "./grade-question.js";
export { withTestRun } from "./with-test-run.js";
export { MANIPULATION } from "./integrity/index.js";
export { extractFixedPrompt, type LabEvidence } from "./checks/index.js";
export { criterionGap, criterionGaps, weakestCriterion, type CriterionGap } from "./unmet.js";
export { prepareAnswer } from "./prepare-answer.js";
export { isSkip, isSkipAnswer } from "./skip-answer.js";
export { answerBody } from "./answer-body.js";
export { gradingCriteria, runOnTests, TESTS_CRITERION_ID, type TestEvidence } from "./tests-criterion.js";
export { questionScore, overallScore } from "./aggregate.js";
export { conceptCoverage, coverageScore } from "./coverage.js";
export { findTerm } from "./match.js";
export { agreement, type Agreement } from "./agreement.js";
export { calibrateLabelled, calibratePack, type CalibrationResult, type LabelledAnswer } from "./calibrate.js";
export { unphrasedPoints } from "./unphrased-points.js";
export { createJudge, mergeJudge, type Judge } from "./judge/index.js";
export { runLab } from "./lab/run-lab.js";
