/**
 * Spelling slips a reader forgives: an unknown word within a small edit
 * distance of a known one. The allowance grows with length (1 edit for 5-7
 * letters, 2 for 8 or more) and short words get none ("form"/"from" differ
 * by one transposition and are both words). The first letter must agree:
 * writers rarely slip on it, and it keeps the candidates apart.
 */
export function typoAllowance(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** Whether `written` is a slip for `meant` (Damerau: a swap of neighbours is one edit). */
export function isTypoOf(written: string, meant: string): boolean {
  const max = Math.min(typoAllowance(written.length), typoAllowance(meant.length));
  if (max === 0 || written === meant || written[0] !== meant[0]) return false;
  if (Math.abs(written.length - meant.length) > max) return false;
  return editDistance(written, meant, max) <= max;
}

/** editDistance's three rows, grown to the longest word met. */
let rows = new Int32Array(96);

/** Optimal-string-alignment distance, stopping once every path exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  // Three rows reused across calls (asked for thousands of word pairs per answer): the same values as a fresh
  // array per row, without the garbage.
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let before = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j < width; j++) {
    rows[before + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[prev + j]! + 1, rows[row + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[before + j - 2]! + 1);
      rows[row + j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    const free = before;
    before = prev;
    prev = row;
    row = free;
  }
  return rows[prev + b.length]!;
}
