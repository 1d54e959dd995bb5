export { createJudge, JUDGE_PROMPT_VERSION, JudgeOutputSchema, type Judge, type JudgeCriterion, type JudgeResult } from "./judge.js";
export { mergeJudge } from "./merge.js";
