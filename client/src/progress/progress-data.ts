import type { HistorySession, RoundKind } from "../../../server/contracts/index.js";

/** One point per completed session: its date and the score of each round kind it had. */
export type ProgressPoint = { at: number; label: string } & Partial<Record<RoundKind, number>>;

export type WeakCriterion = { kind: RoundKind; criterionId: string; title: string; score: number; sessions: number };

/** Score per round kind over time, oldest first (completed sessions only). */
export function scoreSeries(sessions: readonly HistorySession[]): { points: ProgressPoint[]; kinds: RoundKind[] } {
  const done = sessions.filter((s) => s.status === "complete").sort((a, b) => a.startedAt - b.startedAt);
  const kinds = new Set<RoundKind>();
  const points = done.map((s) => {
    const point: ProgressPoint = {
      at: s.startedAt,
      label: new Date(s.startedAt).toLocaleDateString(undefined, { month: "short", day: "numeric" }),
    };
    const byKind = new Map<RoundKind, number[]>();
    for (const r of s.rounds) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.score]);
    for (const [kind, scores] of byKind) {
      kinds.add(kind);
      point[kind] = Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
    }
    return point;
  });
  return { points, kinds: [...kinds] };
}

/**
 * The criteria with the lowest mean score across sessions (per round kind),
 * lowest first; ties go to the criterion seen in more sessions.
 */
export function weakestCriteria(sessions: readonly HistorySession[], limit = 5): WeakCriterion[] {
  const acc = new Map<string, { kind: RoundKind; criterionId: string; title: string; total: number; sessions: number }>();
  for (const s of sessions) {
    if (s.status !== "complete") continue;
    for (const c of s.criteria) {
      const key = `${c.kind}:${c.criterionId}`;
      const entry = acc.get(key) ?? { kind: c.kind, criterionId: c.criterionId, title: c.title, total: 0, sessions: 0 };
      entry.total += c.score;
      entry.sessions += 1;
      acc.set(key, entry);
    }
  }
  return [...acc.values()]
    .map(({ total, ...rest }) => ({ ...rest, score: Math.round((total / rest.sessions) * 10) / 10 }))
    .sort((a, b) => a.score - b.score || b.sessions - a.sessions || a.title.localeCompare(b.title))
    .slice(0, limit);
}
