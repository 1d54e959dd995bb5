import { roundQuestionIds, type Level, type Pack } from "../scenarios/index.js";
import type { Plan } from "../contracts/index.js";

export class PlanError extends Error {
  override name = "PlanError";
}

const LEVEL_ORDER: Level[] = ["junior", "mid", "senior"];

/**
 * Choose the questions for a session: for each selected round, `pick`
 * questions, preferring the requested level, then the nearest levels. Among
 * equally suitable questions `random` decides (so sessions vary); without it
 * pack order decides, which keeps tests deterministic.
 */
export function buildPlan(pack: Pack, options: { level?: Level | undefined; rounds?: string[] | undefined; random?: () => number }): Plan {
  const roundIds = options.rounds ?? pack.rounds.map((r) => r.id);
  const unknown = roundIds.filter((id) => !pack.rounds.some((r) => r.id === id));
  if (unknown.length > 0) {
    throw new PlanError(
      `pack "${pack.id}" has no round ${unknown.map((u) => `"${u}"`).join(", ")}; it has ${pack.rounds.map((r) => `"${r.id}"`).join(", ")}`,
    );
  }
  if (new Set(roundIds).size !== roundIds.length) throw new PlanError("rounds must not repeat");
  const levelRank = (l: Level) => LEVEL_ORDER.indexOf(l);
  const wanted = options.level ? levelRank(options.level) : null;
  const chosen = new Set<string>();
  return {
    rounds: roundIds.map((id) => {
      const round = pack.rounds.find((r) => r.id === id)!;
      const candidates = [...new Set(roundQuestionIds(pack, round))]
        .filter((qid) => !chosen.has(qid))
        .map((qid, order) => ({ q: pack.questions.find((q) => q.id === qid)!, order: options.random ? options.random() : order }))
        .sort((a, b) =>
          wanted === null
            ? a.order - b.order
            : Math.abs(levelRank(a.q.level) - wanted) - Math.abs(levelRank(b.q.level) - wanted) || a.order - b.order,
        );
      return {
        roundId: round.id,
        kind: round.kind,
        title: round.title,
        minutes: round.minutes,
        questionIds: candidates.slice(0, round.pick).map((c) => (chosen.add(c.q.id), c.q.id)),
      };
    }),
  };
}
