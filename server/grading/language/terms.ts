import { analyse, type Analysis, type Token } from "./analyse.js";
import { saidBy, termWordMatcher, type WordMatcher } from "./term-word.js";
import { tokenKinds } from "./token-kinds.js";
import { limitedNegator, negatedByScope, pastFrontedContrast } from "./negation-scope.js";
import { cancelledRefusal } from "./double-negation.js";
import { conditionalAbsence } from "./dismissal.js";
import { extendsExpression } from "./expression.js";
import { ABSENCE, NEGATORS } from "./negators.js";
import { complementsOf } from "./antonyms.js";
import { examinedAbsence } from "./examined-absence.js";
import { removalAt } from "./removal.js";
import { changeDirection, changePhraseAt, comparativeOf, type Direction } from "./change-words.js";
import { interjectedNo } from "./retraction.js";

/** Negators, the determiner "no", and words of absence. */
const NEGATING = new Set([...NEGATORS, "no", ...ABSENCE]);
export const isNegator = (t: Token) => NEGATING.has(t.word) || NEGATING.has(t.lemma);

/**
 * A concept term read as lemmas; a term opening with a negator is a negative statement ("no children",
 * "never without a rollback"). The one definition of a negative term: coverage, contradiction and
 * matching all read it here. `statement` is the term's text after its negator.
 */
type TermShape = {
  lemmas: string[];
  words: WordMatcher[];
  negative: boolean;
  statement: string;
  complements?: ReadonlySet<string>[];
  /** Each lemma's direction where it names a change of amount (change-words.ts), else 0. */
  directions: Direction[];
};
const shapes = new Map<string, TermShape>();

function shape(term: string): TermShape {
  let s = shapes.get(term);
  if (!s) {
    const tokens = analyse(term).tokens;
    const negative = tokens.length > 1 && isNegator(tokens[0]!);
    const lemmas = (negative ? tokens.slice(1) : tokens).map((t) => t.lemma);
    const statement = negative ? term.slice(tokens[1]!.at).trim() : term.trim();
    s = { lemmas, words: lemmas.map((l) => termWordMatcher(l)), negative, statement, directions: lemmas.map(changeDirection) };
    shapes.set(term, s);
  }
  return s;
}

/** Whether a concept term is a negative statement ("no children", "not connected"). */
export const isNegativeTerm = (term: string): boolean => shape(term).negative;

/**
 * Whether a key point's label denies its own term ("avoids recomputation", "without a lock", "no retraining"):
 * the label's polarity, as isNegativeTerm is a term's. Such a point is agreed with by a negation of its term
 * ("they are not recomputed"), not contradicted by it.
 */
export const deniesOwnTerm = (label: string): boolean => PRIVATIVE.test(label);
const PRIVATIVE = /\b(?:avoid\w*|prevent\w*|without|no|not|never|skip\w*|eliminat\w*|instead of|rather than|free of)\b/i;

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
    // "Without a step limit the agent loops forever" argues for the limit (dismissal.ts); "Not retries, a circuit
    // breaker" asserts what follows its comma (negation-scope.ts).
    if (isNegator(b))
      return (
        !limitedNegator(a, i) &&
        !pastFrontedContrast(a, i, index) &&
        !conditionalAbsence(a, i) &&
        !examinedAbsence(a, i) &&
        !interjectedNo(a, i)
      );
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
export function lemmaTermPositions(a: Analysis, term: string): TermPositions {
  // Coverage, contradiction, direction and the pole readings all look for the same terms in the same answer
  // (one Analysis per text): each term is scanned for once per answer, not once per criterion and occurrence.
  let byTerm = positionsByAnalysis.get(a);
  if (!byTerm) positionsByAnalysis.set(a, (byTerm = new Map()));
  let found = byTerm.get(term);
  if (!found) byTerm.set(term, (found = scanTerm(a, term)));
  return found;
}
type TermPositions = { readonly positions: readonly number[]; readonly negative: boolean };
const positionsByAnalysis = new WeakMap<Analysis, Map<string, TermPositions>>();

function scanTerm(a: Analysis, term: string): TermPositions {
  const { lemmas, words, negative, directions } = shape(term);
  const positions: number[] = [];
  if (lemmas.length === 0) return { positions, negative };
  if (directions.some((d) => d !== 0)) return scanChangeTerm(a, term);
  // No token says the term's first word: no place to start from, and its other words need not be read.
  const first = kindsSaying(a, words[0]!);
  if (first.indexOf(1) < 0) return { positions, negative };
  const said = words.map((w) => kindsSaying(a, w));
  const { kinds } = tokenKinds(a);
  outer: for (let i = 0; i + lemmas.length <= a.tokens.length; i++) {
    if (!first[kinds[i]!]) continue;
    for (let k = 1; k < lemmas.length; k++) {
      if (!said[k]![kinds[i + k]!]) continue outer;
      if (a.tokens[i + k]!.sentence !== a.tokens[i]!.sentence) continue outer;
    }
    // Part of a larger expression ("log n" in "O(n log n)") is not the term.
    const last = a.tokens[i + lemmas.length - 1]!;
    if (extendsExpression(a.text, a.tokens[i]!.at, last.at + last.word.length, term)) continue;
    positions.push(i);
  }
  return { positions, negative };
}

/**
 * Which kinds of an answer's tokens (token-kinds.ts) a term word says (1) or not (0), read once per answer and
 * word: a question's terms share their words ("cache" in five of them), and every term was scanned token by
 * token, a matcher call each. Read per token as `said[kinds[i]]`: spreading it over every token, once per word
 * of the question's terms, cost more than finding it.
 */
function kindsSaying(a: Analysis, matcher: WordMatcher): Uint8Array {
  let byMatcher = sayingByAnalysis.get(a);
  if (!byMatcher) sayingByAnalysis.set(a, (byMatcher = new Map()));
  let said = byMatcher.get(matcher);
  if (!said) byMatcher.set(matcher, (said = saidBy(matcher, a, tokenKinds(a))));
  return said;
}
const sayingByAnalysis = new WeakMap<Analysis, Map<WordMatcher, Uint8Array>>();

/**
 * A term with a word of change ("cost growth", "decrease"): that word may also be said by a two- or three-word
 * change in its direction ("costs pile up", "gets smaller"; change-words.ts), and is not said by a verb of
 * becoming that opens the other direction's phrase ("grows smaller" is no growth). At most four tokens per
 * term word are read from each start.
 */
const ASPECT = /^(?:aux|keep|continue|start|begin|tend|to)$/;
function scanChangeTerm(a: Analysis, term: string): TermPositions {
  const { lemmas, words, negative, directions } = shape(term);
  const positions: number[] = [];
  outer: for (let i = 0; i < a.tokens.length; i++) {
    let j = i;
    for (let k = 0; k < lemmas.length; k++) {
      const t = a.tokens[j];
      if (!t || t.sentence !== a.tokens[i]!.sentence) continue outer;
      const d = directions[k]!;
      if (words[k]!(t) && (d === 0 || changePhraseAt(a.tokens, j, d === 1 ? -1 : 1) === 0)) {
        j++;
        continue;
      }
      const n = changePhraseAt(a.tokens, j, d);
      if (n === 0) continue outer;
      j += n;
    }
    const last = a.tokens[j - 1]!;
    if (extendsExpression(a.text, a.tokens[i]!.at, last.at + last.word.length, term)) continue;
    positions.push(i);
  }
  // A two-word point of a change and what changes ("cost growth", "reduce latency") is also said the other way
  // round ("growing costs"; "latency is reduced", "latency goes down") and by a comparative of its direction
  // before the thing ("higher costs", "lower latency", "fewer errors"), but not where the thing opens a compound
  // ("more cost-effective"). Each start reads at most four tokens.
  const c = directions.findIndex((d) => d !== 0);
  if (lemmas.length !== 2 || directions[1 - c] !== 0) return { positions, negative };
  const direction = directions[c]!;
  const [change, other] = [words[c]!, words[1 - c]!];
  const changeAt = (i: number) => {
    const t = a.tokens[i];
    if (!t) return false;
    return change(t) ? changePhraseAt(a.tokens, i, direction === 1 ? -1 : 1) === 0 : changePhraseAt(a.tokens, i, direction) > 0;
  };
  const found = new Set(positions);
  for (let i = 0; i + 1 < a.tokens.length; i++) {
    const [t, u] = [a.tokens[i]!, a.tokens[i + 1]!];
    if (u.sentence !== t.sentence) continue;
    // The change (a word of it, or a comparative) before the thing.
    if (other(u) && a.text[u.at + u.word.length] !== "-" && ((c === 1 && change(t) && changeAt(i)) || comparativeOf(t.word, direction)))
      found.add(i);
    // The thing before its change, with up to three auxiliaries or verbs of aspect between ("latency is reduced",
    // "costs have gone up", "costs keep rising", "costs continue to grow");
    // a negator between is no auxiliary, so "latency is not reduced" is not read here.
    if (other(t)) {
      let k = i + 1;
      while (k < i + 4 && a.tokens[k]?.sentence === t.sentence && ASPECT.test(a.tokens[k]!.pos === "AUX" ? "aux" : a.tokens[k]!.lemma)) k++;
      if (a.tokens[k]?.sentence === t.sentence && changeAt(k)) found.add(i);
    }
  }
  return { positions: [...found].sort((x, y) => x - y), negative };
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
  const own = positions.find((i) => allowed(a.tokens[i]!.sentence) && absentAt(a, i, term, negative) === negative && accept(i)) ?? -1;
  // The denial of a word's complement says it ("not closed" is open, "an open path" no closed one).
  const denied =
    complementPositions(a, term).find((i) => allowed(a.tokens[i]!.sentence) && negatedAt(a, i) !== negative && accept(i)) ?? -1;
  return own < 0 ? denied : denied < 0 ? own : Math.min(own, denied);
}

/**
 * Whether the answer says the term's thing is absent at a place: negated, or, for a negative term ("no
 * shell"), taken away ("kill the shell tool", "the shell is removed"; removal.ts).
 */
export function absentAt(a: Analysis, index: number, term: string, negative = isNegativeTerm(term)): boolean {
  const taken = negative ? removal(a, index, term) : null;
  if (taken) return taken === "removed";
  return negatedAt(a, index);
}

/** Whether a term's thing is taken away ("removed") or kept on purpose ("don't remove X": "kept") at a place. */
export const removal = (a: Analysis, index: number, term: string) =>
  removalAt(a, index, index + Math.max(1, shape(term).lemmas.length) - 1);

/**
 * Where a term is said with one of its words turned into its complement (language/antonyms.ts: "open"
 * for "closed", "same" for "different"), the other words as they are: the statement with the other
 * polarity. Positions of the term's first word.
 */
function complementPositions(a: Analysis, term: string): readonly number[] {
  // Asked per criterion, key point and term (and again for a sentence already full): the same answer and term give
  // the same places, so each is walked once per answer, as lemmaTermPositions is.
  let byTerm = complementsByAnalysis.get(a);
  if (!byTerm) complementsByAnalysis.set(a, (byTerm = new Map()));
  let found = byTerm.get(term);
  if (!found) byTerm.set(term, (found = complementScan(a, term)));
  return found;
}
const complementsByAnalysis = new WeakMap<Analysis, Map<string, readonly number[]>>();

function complementScan(a: Analysis, term: string): number[] {
  const s = shape(term);
  s.complements ??= s.lemmas.map((l) => complementsOf(l));
  const { lemmas, words, complements } = s;
  const out: number[] = [];
  if (lemmas.length === 0 || complements.every((c) => c.size === 0)) return out;
  const said = words.map((w) => kindsSaying(a, w));
  const { kinds } = tokenKinds(a);
  outer: for (let i = 0; i + lemmas.length <= a.tokens.length; i++) {
    let turned = 0;
    for (let k = 0; k < lemmas.length; k++) {
      const t = a.tokens[i + k]!;
      if (k > 0 && t.sentence !== a.tokens[i]!.sentence) continue outer;
      if (complements[k]!.has(t.lemma) || complements[k]!.has(t.word)) turned++;
      else if (!said[k]![kinds[i + k]!]) continue outer;
    }
    if (turned === 1) out.push(i);
  }
  return out;
}
