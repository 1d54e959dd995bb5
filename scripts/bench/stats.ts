/** Small helpers for benchmarks: timing, percentiles, a table. */
export async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

export function summarise(samples: number[]) {
  return { median: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), n: samples.length };
}

/** One table row (p99 when the summary has it; with fewer than 100 samples it is the slowest). */
export function printRow(label: string, s: { median: number; p95: number; p99?: number; n: number }, extra = "") {
  const p99 = s.p99 === undefined ? "" : `   p99 ${ms(s.p99).padStart(10)}`;
  console.log(
    `${label.padEnd(46)} median ${ms(s.median).padStart(10)}   p95 ${ms(s.p95).padStart(10)}${p99}   n=${s.n}${extra ? `   ${extra}` : ""}`,
  );
}
