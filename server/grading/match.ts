/**
 * Term matching for evidence: case-insensitive, anchored at a word start so
 * "retr" finds "retries" but "rag" does not fire inside "storage"; a term that
 * is an English word fires inside a longer word only when that word is one of
 * its forms ("counts", not "counterfeit"; language/term-prefix.ts).
 */
import { isNegated } from "./negation.js";
import { extendsExpression } from "./language/expression.js";
import { continuesTerm } from "./language/term-prefix.js";

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
    if (atBoundary && !extended && saysTerm(lowerText, at + needle.length, needle) && !(options.skipNegated && isNegated(lowerText, at)))
      return at;
    from = at + 1;
  }
  return -1;
}

/**
 * `findTerm(lowerText, term) >= 0` for many terms over one text, without a scan of the whole text per term: a
 * term starting with a word character can match only where a word starts (the boundary rule above), so the word
 * starts are indexed once by their first three characters and a term is looked up there; `findTerm` then runs
 * from the first word start that spells the term, where no earlier match can have been missed. Terms of under
 * three characters, or starting with punctuation, are searched as before.
 */
export function termFinder(lowerText: string): (term: string) => boolean {
  const starts = new Map<string, number[]>();
  for (let i = 0; i < lowerText.length - 2; i++) {
    if (!WORD_CHAR.test(lowerText[i]!) || (i > 0 && WORD_CHAR.test(lowerText[i - 1]!))) continue;
    const key = lowerText.slice(i, i + 3);
    const list = starts.get(key);
    if (list) list.push(i);
    else starts.set(key, [i]);
  }
  return (term) => {
    const needle = term.toLowerCase();
    if (needle.length < 3 || !WORD_CHAR.test(needle[0]!)) return findTerm(lowerText, term) >= 0;
    const first = starts.get(needle.slice(0, 3))?.find((at) => lowerText.startsWith(needle, at));
    return first !== undefined && findTerm(lowerText, term, { from: first }) >= 0;
  };
}

/**
 * A match that ends inside a word ("count" in "counterfeit") says the term only when the whole word
 * still does (language/term-prefix.ts): a stem the author wrote keeps its prefix match.
 */
function saysTerm(lowerText: string, end: number, needle: string): boolean {
  if (!WORD_CHAR.test(lowerText[end] ?? "")) return true;
  const termWord = /[a-z0-9_]+$/.exec(needle)?.[0];
  // The end of a hyphenated compound is the author's stem of it ("fine-tun" for "fine-tuning"): the compound pins it.
  if (!termWord || needle[needle.length - termWord.length - 1] === "-") return true;
  let stop = end;
  while (stop < lowerText.length && WORD_CHAR.test(lowerText[stop]!)) stop++;
  return continuesTerm(termWord, termWord + lowerText.slice(end, stop));
}
