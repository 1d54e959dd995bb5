import type { Analysis, Token } from "./analyse.js";
import { CLAUSE_PUNCT_OR_COMMA, gapBefore as gap } from "./clause.js";
import { LIMITERS, NEGATORS } from "./negators.js";

/**
 * Double negatives. A word of refusal or absence ("skip", "avoid", "omit",
 * "forgo", "neglect", "forget", "without") denies what follows it; a negation
 * of that word asserts it: "we would not skip evaluation", "you cannot avoid
 * caching here", "never ship without a rollback plan", "don't forget the
 * canary" all state the concept. So the negator governs the refusal word only,
 * and the refusal denies nothing.
 *
 * What counts as negating the refusal, kept structural:
 * - a verb of refusal: a negator right before it, with at most two auxiliaries,
 *   adverbs or particles between ("not skip", "can't ever skip", "no skipping");
 * - "without": a negator before it in the same clause, a few words back, with a
 *   verb phrase between ("not without", "never ship a release without",
 *   "we don't deploy without"); a clause word or punctuation in between ends it
 *   ("we do not log, without exception" stays as it is).
 * "We do not need evaluation" and "skip evaluation" are not double negatives
 * and still deny.
 */
export const REFUSAL_VERBS = ["skip", "omit", "forgo", "avoid", "neglect", "forget"] as const;
const REFUSALS = new Set<string>(REFUSAL_VERBS);
const BETWEEN_VERB = new Set(["AUX", "ADV", "PART"]);
/** Words between a negated verb and its "without": the verb phrase ("ship a release"), nothing that opens a clause. */
const BETWEEN_WITHOUT = new Set(["AUX", "ADV", "PART", "VERB", "DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"]);

export const isRefusal = (t: Token) => REFUSALS.has(t.lemma) || t.word === "without";
const isNegator = (t: Token) => NEGATORS.has(t.word) || NEGATORS.has(t.lemma);

/** The negator that cancels the refusal word at `index`, or -1 when the refusal stands. */
export function cancellingNegator(a: Analysis, index: number): number {
  let marks = cache.get(a);
  if (!marks) {
    marks = a.tokens.map((_, i) => find(a, i));
    cache.set(a, marks);
  }
  return marks[index] ?? -1;
}
const cache = new WeakMap<Analysis, number[]>();

/** Whether the refusal word at `index` is itself negated (and so asserts what it governs). */
export const cancelledRefusal = (a: Analysis, index: number) => cancellingNegator(a, index) >= 0;

/** Whether the negator at `index` negates a refusal word after it, and so reaches no further than that word. */
export function cancelsRefusal(a: Analysis, index: number): boolean {
  for (let j = index + 1; j < Math.min(a.tokens.length, index + 7); j++) if (cancellingNegator(a, j) === index) return true;
  return false;
}

function find(a: Analysis, i: number): number {
  const t = a.tokens[i]!;
  if (!isRefusal(t)) return -1;
  const without = t.word === "without";
  // "no skipping", "no avoiding it": a determiner "no" right before a refusal's gerund.
  if (!without && a.tokens[i - 1]?.word === "no" && t.word.endsWith("ing") && a.tokens[i - 1]!.sentence === t.sentence) return i - 1;
  const reach = without ? 5 : 3;
  for (let j = i - 1; j >= 0 && j >= i - reach; j--) {
    const b = a.tokens[j]!;
    if (b.sentence !== t.sentence || CLAUSE_PUNCT_OR_COMMA.test(gap(a, j + 1))) return -1;
    if (isNegator(b)) return b.word === "not" && LIMITERS.has(a.tokens[j + 1]?.word ?? "") ? -1 : j;
    if (!(without ? BETWEEN_WITHOUT : BETWEEN_VERB).has(b.pos)) return -1;
  }
  return -1;
}
