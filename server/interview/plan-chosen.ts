import { roundQuestionIds, type Pack } from "../scenarios/index.js";
import type { Plan } from "../contracts/index.js";
import { PlanError } from "./plan.js";

/**
 * A plan of exactly the chosen questions ("practise next"): each question goes
 * into the pack round that holds it, rounds in pack order, questions in the
 * order given. Unknown ids are refused by name.
 */
export function buildChosenPlan(pack: Pack, questionIds: readonly string[]): Plan {
  const unknown = questionIds.filter((id) => !pack.questions.some((q) => q.id === id));
  if (unknown.length > 0) {
    throw new PlanError(`pack "${pack.id}" has no question ${unknown.map((u) => `"${u}"`).join(", ")}`);
  }
  const rounds = pack.rounds
    .map((round) => {
      const inRound = new Set(roundQuestionIds(pack, round));
      return {
        roundId: round.id,
        kind: round.kind,
        title: round.title,
        minutes: round.minutes,
        questionIds: questionIds.filter((id) => inRound.has(id)),
      };
    })
    .filter((r) => r.questionIds.length > 0);
  const placed = new Set(rounds.flatMap((r) => r.questionIds));
  const orphan = questionIds.filter((id) => !placed.has(id));
  if (orphan.length > 0) throw new PlanError(`question ${orphan.map((o) => `"${o}"`).join(", ")} is in no round of pack "${pack.id}"`);
  return { rounds };
}
