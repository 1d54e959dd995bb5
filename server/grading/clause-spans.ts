import type { Analysis } from "./language/index.js";
import { gapBefore } from "./language/clause.js";

/**
 * Words that end an entity's clause: a term belongs to the entity of its own clause (roles.ts). Not
 * language/clause.ts CLAUSE_WORDS, which bounds negation and dismissal: this set decides which entity a term
 * is said of, so it adds "and" and "unlike" (they part two entities) and leaves out condition words.
 */
const ENTITY_CLAUSE_WORDS = new Set(["and", "but", "while", "whereas", "whilst", "although", "though", "unlike", "so", "because", "which"]);
/**
 * Punctuation that ends an entity's clause. Unlike language/clause.ts CLAUSE_PUNCT, brackets and quotes do
 * not: "A stack is last-in first-out (LIFO)" says LIFO of the stack; a comma does.
 */
const ENTITY_CLAUSE_PUNCT = /[.,;:!?—–]|\s-\s/;

/**
 * Every token's clause, worked out in one pass per answer: a clause ends at a new sentence, at clause
 * punctuation and at a clause word ("and", "but", "so", "which" ...), which stands alone. Readings ask for the
 * clause of many tokens (every occurrence of every term, every pronoun, every opposite of a value): walking the
 * clause each time made an answer with no punctuation, one clause of thousands of tokens, quadratic to read
 * (a 20,000-character answer took more than a second).
 */
export type ClauseSpans = { start: number[]; end: number[] };

export function clauseSpans(a: Analysis): ClauseSpans {
  let spans = cache.get(a);
  if (!spans) cache.set(a, (spans = build(a)));
  return spans;
}
const cache = new WeakMap<Analysis, ClauseSpans>();

/** Whether a token is a clause word, a clause of its own in clauseSpans. */
export const isClauseWord = (a: Analysis, i: number) => ENTITY_CLAUSE_WORDS.has(a.tokens[i]!.word);

/**
 * The first and last token of the clause around a token. A clause word itself is read as it always was: it
 * joins the stretch before it (unless punctuation parts them) and the clause after it.
 */
export function clauseAround(a: Analysis, index: number): [number, number] {
  if (!isClauseWord(a, index)) {
    const spans = clauseSpans(a);
    return [spans.start[index]!, spans.end[index]!];
  }
  const t = a.tokens[index]!;
  let from = index;
  while (from > 0 && a.tokens[from - 1]!.sentence === t.sentence && !breaksBetween(a, from) && !isClauseWord(a, from - 1)) from--;
  let to = index;
  while (to + 1 < a.tokens.length && a.tokens[to + 1]!.sentence === t.sentence && !breaksBetween(a, to + 1) && !isClauseWord(a, to + 1))
    to++;
  return [from, to];
}

function build(a: Analysis): ClauseSpans {
  const n = a.tokens.length;
  const start: number[] = new Array(n);
  const end: number[] = new Array(n);
  let from = 0;
  for (let j = 0; j < n; j++) {
    const breaks =
      j > 0 && (a.tokens[j - 1]!.sentence !== a.tokens[j]!.sentence || breaksBetween(a, j) || isClauseWord(a, j - 1) || isClauseWord(a, j));
    if (breaks) {
      for (let k = from; k < j; k++) end[k] = j - 1;
      from = j;
    }
    start[j] = from;
  }
  for (let k = from; k < n; k++) end[k] = n - 1;
  return { start, end };
}

/** Clause punctuation between a token and the one before it. */
function breaksBetween(a: Analysis, j: number): boolean {
  return ENTITY_CLAUSE_PUNCT.test(gapBefore(a, j));
}
