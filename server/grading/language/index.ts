export { analyse, type Analysis } from "./analyse.js";
export { claimSentences, type ClaimOptions } from "./claims.js";
export { claimOptionsFor, expectsShortAnswer } from "./short-answer-item.js";
export { findLemmaTerm, negatedAt } from "./terms.js";
export { documentFrequencies, vectorOf, weightedRecall, type Idf, type Vector } from "./similarity.js";
export { questionTerms } from "./question-terms.js";
export { otherLanguage } from "./english.js";
export { termStuffed } from "./term-density.js";
export { offTopicTasks, withoutOffTopicTasks } from "./off-topic-task.js";
