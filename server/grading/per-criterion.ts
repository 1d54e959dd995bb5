import type { Criterion, Question } from "../scenarios/index.js";

/**
 * What is learnt from a pack per criterion (its poles, its value words) depends only on the question and
 * the criterion, so it is learnt once per pack object and kept while the question lives.
 */
export function perCriterion<T>(learn: (question: Question, criterion: Criterion) => T) {
  const cache = new WeakMap<Question, Map<Criterion, T>>();
  return (question: Question, criterion: Criterion): T => {
    let byCriterion = cache.get(question);
    if (!byCriterion) cache.set(question, (byCriterion = new Map()));
    let learnt = byCriterion.get(criterion);
    if (learnt === undefined) byCriterion.set(criterion, (learnt = learn(question, criterion)));
    return learnt;
  };
}
