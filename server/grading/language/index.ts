export { analyse, analyseTerm, type Analysis } from "./analyse.js";
export { claimSentences, type ClaimOptions } from "./claims.js";
export { claimOptionsFor, expectsShortAnswer } from "./short-answer-item.js";
export { answersAsSet, setQuestion, type SetQuestion } from "./set-answer.js";
export {
  absentAt,
  removal,
  deniesOwnTerm,
  findLemmaTerm,
  isNegativeTerm,
  isNegator,
  lemmaTermPositions,
  negatedAt,
  oppositeOf,
  termSpan,
} from "./terms.js";
export { dismissedByScope, negatedByScope } from "./negation-scope.js";
export { retracted, withoutRetracted } from "./retraction.js";
export { documentFrequencies, vectorOf, weightedRecall, type Idf, type Vector } from "./similarity.js";
export { questionTerms } from "./question-terms.js";
export { otherLanguage } from "./english.js";
export { unreadable } from "./unreadable.js";
export { termStuffed } from "./term-density.js";
export { gluedSalad, termPhrases } from "./glue-placement.js";
export { offTopicTasks, withoutOffTopicTasks } from "./off-topic-task.js";
export { isKnownWord } from "./known-word.js";
export { isTypoOf } from "./typo.js";
export { wordFamily } from "./word-family.js";
export { complementsOf } from "./antonyms.js";
export { hypothetical, past, reportedText } from "./reported.js";
export { sentenceTemplates } from "./sentence-template.js";
export { ABSENCE, LIMITERS, NEGATORS } from "./negators.js";
export { offDomainSalad } from "./off-domain-words.js";
