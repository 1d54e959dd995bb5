import type { HistorySession, RoundKind } from "../../../server/contracts/index.js";

/**
 * One point per completed session: its axis label, the full date and time its tooltip names, and the score of each
 * round kind it had.
 */
export type ProgressPoint = { at: number; label: string; when: string } & Partial<Record<RoundKind, number>>;

const day = (at: number) => new Date(at).toLocaleDateString(undefined, { month: "short", day: "numeric" });
const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/**
 * Axis labels that tell every session apart: the day alone ("Dec 7"), the day and time where two sessions share a day
 * ("Dec 7, 09:15" and "Dec 7, 16:40"), and a count after a time that is shared too ("Dec 7, 09:15 (2)"). The chart
 * keys its points, and its tooltip, by this label: two sessions labelled "Dec 7" read as one (outside tester, session 23).
 */
export function sessionLabels(times: readonly number[]): string[] {
  const days = times.map(day);
  const base = times.map((at, i) => (days.filter((d) => d === days[i]).length > 1 ? `${days[i]}, ${time(at)}` : days[i]!));
  const seen = new Map<string, number>();
  return base.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

export type WeakCriterion = { kind: RoundKind; criterionId: string; title: string; score: number; sessions: number };

/** Score per round kind over time, oldest first (completed sessions only). */
export function scoreSeries(sessions: readonly HistorySession[]): { points: ProgressPoint[]; kinds: RoundKind[] } {
  const done = sessions.filter((s) => s.status === "complete").sort((a, b) => a.startedAt - b.startedAt);
  const kinds = new Set<RoundKind>();
  const labels = sessionLabels(done.map((s) => s.startedAt));
  const points = done.map((s, i) => {
    const point: ProgressPoint = {
      at: s.startedAt,
      label: labels[i]!,
      when: new Date(s.startedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
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
