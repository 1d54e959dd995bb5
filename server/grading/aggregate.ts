import type { CriterionScore } from "../contracts/index.js";
import type { Criterion } from "../scenarios/index.js";

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Weighted criterion average on 0-100. Computed here, never taken from a model. */
export function questionScore(rubric: Criterion[], scores: CriterionScore[]): number {
  const byId = new Map(scores.map((s) => [s.criterionId, s.score]));
  const totalWeight = rubric.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return 0;
  const earned = rubric.reduce((sum, c) => sum + c.weight * (byId.get(c.id) ?? 0), 0);
  return round1((earned / (4 * totalWeight)) * 100);
}

/** Every planned question counts equally; unanswered ones count as 0. */
export function overallScore(questionScores: number[]): number {
  if (questionScores.length === 0) return 0;
  return round1(questionScores.reduce((a, b) => a + b, 0) / questionScores.length);
}
