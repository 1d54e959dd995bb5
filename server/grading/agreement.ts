/**
 * Agreement between labelled and predicted scores on the 0-4 scale:
 * quadratic weighted kappa (Cohen), exact and within-one match.
 */
export type Agreement = { n: number; qwk: number; exact: number; withinOne: number };

export function agreement(pairs: { label: number; predicted: number }[], levels = 5): Agreement {
  const n = pairs.length;
  if (n === 0) return { n, qwk: Number.NaN, exact: Number.NaN, withinOne: Number.NaN };
  const observed = Array.from({ length: levels }, () => new Array<number>(levels).fill(0));
  const labelHist = new Array<number>(levels).fill(0);
  const predHist = new Array<number>(levels).fill(0);
  for (const { label, predicted } of pairs) {
    observed[label]![predicted]!++;
    labelHist[label]!++;
    predHist[predicted]!++;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < levels; i++) {
    for (let j = 0; j < levels; j++) {
      const w = ((i - j) * (i - j)) / ((levels - 1) * (levels - 1));
      num += w * observed[i]![j]!;
      den += (w * labelHist[i]! * predHist[j]!) / n;
    }
  }
  // All labels and predictions identical and equal: perfect agreement.
  const qwk = den === 0 ? (num === 0 ? 1 : 0) : 1 - num / den;
  const exact = pairs.filter((p) => p.label === p.predicted).length / n;
  const withinOne = pairs.filter((p) => Math.abs(p.label - p.predicted) <= 1).length / n;
  return { n, qwk, exact, withinOne };
}
