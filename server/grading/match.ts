/**
 * Term matching for evidence: case-insensitive, anchored at a word start so
 * "retr" finds "retries" but "rag" does not fire inside "storage".
 */
import { isNegated } from "./negation.js";

const WORD_CHAR = /[a-z0-9_]/;

export function findTerm(lowerText: string, term: string, options: { skipNegated?: boolean } = {}): number {
  const needle = term.toLowerCase();
  let from = 0;
  while (from <= lowerText.length) {
    const at = lowerText.indexOf(needle, from);
    if (at < 0) return -1;
    const before = at === 0 ? "" : lowerText[at - 1]!;
    // A term that itself starts with punctuation ("** attempt") needs no boundary.
    const atBoundary = !WORD_CHAR.test(needle[0] ?? "") || !WORD_CHAR.test(before);
    if (atBoundary && !(options.skipNegated && isNegated(lowerText, at))) return at;
    from = at + 1;
  }
  return -1;
}
