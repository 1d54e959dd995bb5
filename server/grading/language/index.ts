export { analyse, type Analysis, type Token } from "./analyse.js";
export { claimSentences, isShortPhraseAnswer } from "./claims.js";
export { findLemmaTerm, negatedAt } from "./terms.js";
export { cosine, documentFrequencies, vectorOf, weightedRecall, type Idf, type Vector } from "./similarity.js";
export { questionTerms } from "./question-terms.js";
export { otherLanguage } from "./english.js";
