import type { CriterionScore } from "../../contracts/index.js";
import { TESTS_CRITERION_ID } from "../tests-criterion.js";
import type { JudgeCriterion } from "./judge.js";

/**
 * The judge advises within bounds the evidence sets: it may lower a score
 * freely, but may raise it at most two levels above the evidence, to at most 1
 * where the evidence layer found nothing, not at all where the answer was too
 * thin to judge or tried to steer the grader. Disagreements of 2+ are recorded.
 */
export function mergeJudge(evidence: CriterionScore[], verdict: JudgeCriterion[], options: { manipulated: boolean }): CriterionScore[] {
  return evidence.map((s) => {
    if (s.criterionId === TESTS_CRITERION_ID) return s;
    const j = verdict.find((v) => v.criterionId === s.criterionId);
    if (!j) return { ...s, feedback: `${s.feedback} (The judge gave no score for this criterion.)` };
    const judgeScore = Math.max(0, Math.min(4, Math.round(j.score)));
    const cap = s.insufficientEvidence || options.manipulated ? s.score : s.evidence.length === 0 ? 1 : Math.min(4, s.score + 2);
    const score = Math.min(judgeScore, cap);
    const capped = judgeScore > cap;
    return {
      ...s,
      score,
      source: "judge" as const,
      evidenceScore: s.score,
      judgeScore,
      judgeRationale: j.rationale,
      disagreement: Math.abs(judgeScore - s.score) >= 2,
      feedback: `${s.feedback} Judge: ${j.rationale}${capped ? ` (The judge's ${judgeScore} was capped at ${cap} by the evidence in the answer.)` : ""}`,
    };
  });
}
