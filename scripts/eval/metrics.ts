import { agreement } from "../../server/grading/index.js";

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Pearson r, QWK on 0-4 and the mean of per-question r (questions whose labels or predictions vary). */
export function compare(rows: { questionId: string; label: number; predicted: number }[]) {
  const r = pearson(
    rows.map((x) => x.predicted),
    rows.map((x) => x.label),
  );
  const qwk = agreement(
    rows.map((x) => ({ label: Math.round(x.label), predicted: Math.max(0, Math.min(4, Math.round(x.predicted))) })),
  ).qwk;
  const byQ = new Map<string, typeof rows>();
  for (const row of rows) byQ.set(row.questionId, [...(byQ.get(row.questionId) ?? []), row]);
  const perQ = [...byQ.values()]
    .map((g) =>
      pearson(
        g.map((x) => x.predicted),
        g.map((x) => x.label),
      ),
    )
    .filter((v) => Number.isFinite(v));
  return { n: rows.length, r, qwk, perQuestionR: perQ.reduce((a, b) => a + b, 0) / Math.max(1, perQ.length), questions: byQ.size };
}
