/** A number written in an answer, where it was, and its value with suffixes and units applied. */
export type WrittenNumber = { value: number; at: number; raw: string };

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

/** "$1.2M", "10,000", "450k", "2.5 million", "0.15" — as numbers. */
export function writtenNumbers(text: string): WrittenNumber[] {
  const out: WrittenNumber[] = [];
  const re = /\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|thousand|mm|m|million|bn|b|billion)?\b/gi;
  for (const m of text.matchAll(re)) {
    const base = Number(m[1]!.replace(/,/g, ""));
    if (!Number.isFinite(base)) continue;
    const suffix = m[2]?.toLowerCase();
    // "5 m" could be metres or minutes; only count m as million after a $ or in "5M".
    const scale = suffix && (suffix !== "m" || m[0].includes("$") || m[2] === "M") ? (SCALE[suffix] ?? 1) : 1;
    out.push({ value: base * scale, at: m.index!, raw: m[0].trim() });
  }
  return out;
}
