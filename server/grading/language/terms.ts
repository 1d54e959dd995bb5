import { analyse, type Analysis, type Token } from "./analyse.js";
import { termWordMatcher, type WordMatcher } from "./term-word.js";
import { limitedNegator, negatedByScope } from "./negation-scope.js";
import { cancelledRefusal } from "./double-negation.js";
import { conditionalAbsence } from "./dismissal.js";
import { extendsExpression } from "./expression.js";

const NEGATORS = new Set(["not", "no", "never", "n't", "without", "nothing", "none", "neither", "nor", "cannot"]);
export const isNegator = (t: Token) => NEGATORS.has(t.word) || NEGATORS.has(t.lemma);

/**
 * A concept term read as lemmas; a term opening with a negator is a negative statement ("no children",
 * "never without a rollback"). The one definition of a negative term: coverage, contradiction and
 * matching all read it here. `statement` is the term's text after its negator.
 */
type TermShape = { lemmas: string[]; words: WordMatcher[]; negative: boolean; statement: string };
const shapes = new Map<string, TermShape>();

function shape(term: string): TermShape {
  let s = shapes.get(term);
  if (!s) {
    const tokens = analyse(term).tokens;
    const negative = tokens.length > 1 && isNegator(tokens[0]!);
    const lemmas = (negative ? tokens.slice(1) : tokens).map((t) => t.lemma);
    const statement = negative ? term.slice(tokens[1]!.at).trim() : term.trim();
    s = { lemmas, words: lemmas.map((l) => termWordMatcher(l)), negative, statement };
    shapes.set(term, s);
  }
  return s;
}

/** Whether a concept term is a negative statement ("no children", "not connected"). */
export const isNegativeTerm = (term: string): boolean => shape(term).negative;

/** The same statement with the other polarity: "no children" <-> "children", "connected" <-> "not connected". */
export function oppositeOf(term: string): string {
  const { negative, statement } = shape(term);
  return negative ? statement : `not ${term.trim()}`;
}

/** Negated in its own clause: a negator among the few words before it ("is not connected", "no children"). */
export function negatedAt(a: Analysis, index: number, window = 3, options: { head?: boolean } = {}): boolean {
  const t = a.tokens[index]!;
  // A negation's reach over a coordinated list and refusals ("skip X and Y"): see negation-scope.ts.
  if (!options.head && negatedByScope(a, index)) return true;
  for (let i = index - 1; i >= 0 && i >= index - window; i--) {
    const b = a.tokens[i]!;
    if (b.sentence !== t.sentence) return false;
    // A negated refusal between them asserts: "not skip evaluation", "not without a canary".
    if (cancelledRefusal(a, i)) return false;
    // "Without a step limit the agent loops forever" argues for the limit (dismissal.ts).
    if (isNegator(b)) return !limitedNegator(a, i) && !conditionalAbsence(a, i);
    if (b.pos === "CCONJ" || b.pos === "SCONJ") return false;
    // `head`: the negation belongs to the first word it governs ("does not have a sequence number"
    // negates "have", not "sequence number"); any content word in between ends its reach.
    if (options.head && HEAD_STOPS.has(b.pos)) return false;
  }
  return false;
}
const HEAD_STOPS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM"]);

/**
 * Every place a term's lemmas occur in order, whatever their polarity, and
 * whether the term itself is a negative statement ("no children").
 */
export function lemmaTermPositions(a: Analysis, term: string): { positions: number[]; negative: boolean } {
  const { lemmas, words, negative } = shape(term);
  const positions: number[] = [];
  if (lemmas.length === 0) return { positions, negative };
  outer: for (let i = 0; i + lemmas.length <= a.tokens.length; i++) {
    for (let k = 0; k < lemmas.length; k++) {
      const t = a.tokens[i + k]!;
      if (!words[k]!(t)) continue outer;
      if (k > 0 && t.sentence !== a.tokens[i]!.sentence) continue outer;
    }
    // Part of a larger expression ("log n" in "O(n log n)") is not the term.
    const last = a.tokens[i + lemmas.length - 1]!;
    if (extendsExpression(a.text, a.tokens[i]!.at, last.at + last.word.length, term)) continue;
    positions.push(i);
  }
  return { positions, negative };
}

/** The characters a term's match at a token covers: from its first lemma's word to its last one's end. */
export function termSpan(a: Analysis, index: number, term: string): [number, number] {
  const last = a.tokens[Math.min(a.tokens.length - 1, index + Math.max(1, shape(term).lemmas.length) - 1)]!;
  return [a.tokens[index]!.at, last.at + last.word.length];
}

/**
 * Where a term's lemmas occur in order (each as termWordMatcher reads it: its
 * inflections, derivational relatives and misspellings), with its polarity: a positive term is
 * not matched where the answer negates it, a negative one only where it does.
 * Returns the token index of the first lemma, or -1.
 */
export function findLemmaTerm(
  a: Analysis,
  term: string,
  allowed: (sentence: number) => boolean,
  accept: (index: number) => boolean = () => true,
): number {
  const { positions, negative } = lemmaTermPositions(a, term);
  return positions.find((i) => allowed(a.tokens[i]!.sentence) && negatedAt(a, i) === negative && accept(i)) ?? -1;
}
