import type { CurrentOverride, Report } from "../contracts/index.js";
import type { OverrideRow } from "../store/index.js";

const round1 = (n: number) => Math.round(n * 10) / 10;
export const criterionKey = (questionId: string, criterionId: string) => `${questionId}/${criterionId}`;

/** The latest audit entry per criterion is its current override. */
export function currentOverrides(rows: OverrideRow[]): Record<string, CurrentOverride> {
  const current: Record<string, CurrentOverride> = {};
  for (const r of rows) {
    current[criterionKey(r.question_id, r.criterion_id)] = {
      score: r.after_score,
      original: r.original_score,
      note: r.note,
      by: r.token_label,
      at: r.created_at,
    };
  }
  return current;
}

/**
 * Question, round and overall scores with overrides applied. A question's score
 * moves by each override's weighted share, so without overrides every number is
 * exactly the grader's.
 */
export function adjustedScores(report: Report, overrides: Record<string, CurrentOverride>) {
  const questions: Record<string, number> = {};
  for (const q of report.rounds.flatMap((r) => r.questions)) {
    const totalWeight = q.criteria.reduce((n, c) => n + c.weight, 0);
    let score = q.score;
    for (const c of q.criteria) {
      const o = overrides[criterionKey(q.questionId, c.criterionId)];
      if (o && totalWeight > 0) score += ((c.weight * (o.score - c.score)) / (4 * totalWeight)) * 100;
    }
    questions[q.questionId] = round1(Math.min(100, Math.max(0, score)));
  }
  const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  const rounds = report.rounds.map((r) => ({
    roundId: r.roundId,
    title: r.title,
    score: r.questions.length ? mean(r.questions.map((q) => questions[q.questionId]!)) : null,
  }));
  return { questions, rounds, overall: mean(report.rounds.flatMap((r) => r.questions).map((q) => questions[q.questionId]!)) };
}
