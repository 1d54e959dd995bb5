import type { Analysis } from "./language/index.js";
import { CLAUSE_PUNCT, CLAUSE_WORDS } from "./roles.js";

/**
 * Every token's clause, worked out in one pass: the same breaks as roles.ts clauseAround (a new sentence, clause
 * punctuation, a clause word such as "but" or "so" before it), read once per answer. Readings that ask for the
 * clause of many tokens (a pronoun per sentence, every opposite of a value) would otherwise walk a clause each
 * time: a 20,000-character answer with no punctuation is one clause of thousands of tokens.
 */
export type ClauseSpans = { start: number[]; end: number[] };

export function clauseSpans(a: Analysis): ClauseSpans {
  let spans = cache.get(a);
  if (!spans) cache.set(a, (spans = build(a)));
  return spans;
}
const cache = new WeakMap<Analysis, ClauseSpans>();

function build(a: Analysis): ClauseSpans {
  const n = a.tokens.length;
  const start: number[] = new Array(n);
  const end: number[] = new Array(n);
  let from = 0;
  for (let j = 0; j < n; j++) {
    if (j > 0 && breaksBefore(a, j)) {
      for (let k = from; k < j; k++) end[k] = j - 1;
      from = j;
    }
    start[j] = from;
  }
  for (let k = from; k < n; k++) end[k] = n - 1;
  return { start, end };
}

function breaksBefore(a: Analysis, j: number): boolean {
  const prev = a.tokens[j - 1]!;
  const t = a.tokens[j]!;
  if (prev.sentence !== t.sentence || CLAUSE_WORDS.has(prev.word)) return true;
  return CLAUSE_PUNCT.test(a.text.slice(prev.at + prev.word.length, t.at));
}
