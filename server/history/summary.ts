import type { HistoryCriterion, HistorySession, Level, Mode, Report, RoundKind } from "../contracts/index.js";
import { planOf, reportOf, type SessionRow } from "../store/index.js";

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Mean score per criterion of one round kind, over every question of that kind in the report. */
export function criteriaOf(report: Report): HistoryCriterion[] {
  const byKey = new Map<string, { kind: RoundKind; criterionId: string; title: string; scores: number[] }>();
  for (const round of report.rounds) {
    for (const question of round.questions) {
      for (const c of question.criteria) {
        const key = `${round.kind}:${c.criterionId}`;
        const entry = byKey.get(key) ?? { kind: round.kind, criterionId: c.criterionId, title: c.title, scores: [] };
        entry.scores.push(c.score);
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.values()].map(({ scores, ...rest }) => ({ ...rest, score: round1(mean(scores)) }));
}

/** What the lobby's history and the progress page need of one session, and nothing of its answers. */
export function summariseSession(row: SessionRow, packTitle: string): HistorySession {
  const report = reportOf(row);
  return {
    sessionId: row.id,
    packId: row.pack_id,
    packTitle: report?.packTitle ?? packTitle,
    mode: row.mode as Mode,
    level: row.level as Level | null,
    status: row.status,
    startedAt: row.created_at,
    completedAt: row.completed_at,
    overall: report ? round1(report.overall) : null,
    rounds: report
      ? report.rounds
          .filter((r) => r.questions.length > 0)
          .map((r) => ({ roundId: r.roundId, kind: r.kind, title: r.title, score: round1(mean(r.questions.map((q) => q.score))) }))
      : planOf(row).rounds.map((r) => ({ roundId: r.roundId, kind: r.kind, title: r.title, score: 0 })),
    criteria: report ? criteriaOf(report) : [],
  };
}
