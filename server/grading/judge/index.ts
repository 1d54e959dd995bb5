export { createJudge, type Judge } from "./judge.js";
export { mergeJudge } from "./merge.js";
