/**
 * Term matching for evidence: case-insensitive, anchored at a word start so
 * "retr" finds "retries" but "rag" does not fire inside "storage".
 */
import { isNegated } from "./negation.js";
import { extendsExpression } from "./language/expression.js";

const WORD_CHAR = /[a-z0-9_]/;

/**
 * The first match at or after `from`. In prose, a match that is only part of a larger expression
 * ("log n" in "O(n log n)", "10" in "100"; see language/expression.ts) is not the term. In code
 * (`code: true`) operators are everywhere ("retries + 1"), so there only the word start counts.
 */
export function findTerm(lowerText: string, term: string, options: { skipNegated?: boolean; from?: number; code?: boolean } = {}): number {
  const needle = term.toLowerCase();
  let from = options.from ?? 0;
  while (from <= lowerText.length) {
    const at = lowerText.indexOf(needle, from);
    if (at < 0) return -1;
    const before = at === 0 ? "" : lowerText[at - 1]!;
    // A term that itself starts with punctuation ("** attempt") needs no boundary.
    const atBoundary = !WORD_CHAR.test(needle[0] ?? "") || !WORD_CHAR.test(before);
    const extended = !options.code && extendsExpression(lowerText, at, at + needle.length, term);
    if (atBoundary && !extended && !(options.skipNegated && isNegated(lowerText, at))) return at;
    from = at + 1;
  }
  return -1;
}
