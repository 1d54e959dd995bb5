import type { Question } from "../scenarios/index.js";
import { candidateTip } from "./candidate-report.js";

/** The top rubric level: a criterion there has nothing left to "say more" about. */
const TOP_LEVEL = 4;

/** Said instead of a tip when every rubric criterion reached the top level (no criterion is left to work on). */
export const FULL_MARKS_TIP = "Every criterion reached level 4: keep answering this way.";

/**
 * Practice mode's one tip: what a strong answer adds on the weakest rubric criterion
 * (its title only, when the pack hides what answers miss: the hint and description are its answer key).
 * A criterion already at the top level is never named: telling a candidate at 4/4 to
 * "say more" about it reads as a fault that is not there.
 */
export function practiceTip(question: Pick<Question, "rubric">, scores: { criterionId: string; score: number }[], hidden: boolean): string {
  const scoreOf = (id: string) => scores.find((s) => s.criterionId === id)?.score ?? 0;
  const weakest = [...question.rubric].sort((a, b) => scoreOf(a.id) - scoreOf(b.id) || b.weight - a.weight)[0];
  if (!weakest || scoreOf(weakest.id) >= TOP_LEVEL) return FULL_MARKS_TIP;
  if (hidden) return candidateTip(weakest);
  return weakest.strongAnswerAdds ?? `Next time, say more about ${weakest.title.toLowerCase()}: ${weakest.description}`;
}
