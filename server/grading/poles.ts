import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, analyseTerm, isNegator, lemmaTermPositions, negatedAt, type Analysis } from "./language/index.js";
import type { Token } from "./language/analyse.js";
import { perCriterion } from "./per-criterion.js";
import { gapBefore } from "./language/clause.js";
import { clauseAround } from "./roles.js";
import { clauseSubject, namesSubject } from "./clause-subject.js";

/**
 * Opposite ends of a scale: the general English words for "more" and "less"
 * of something, faster and slower, exact and approximate. Which of them a key
 * point pairs with its outcome is read from the pack (see learnPoles); this
 * list only says which words are each other's opposites.
 */
const FAMILIES: [scale: number, up: string[], down: string[]][] = [
  // One scale of amount: "a higher temperature" and "raising the temperature" are the same condition.
  [0, ["high", "higher", "highest"], ["low", "lower", "lowest"]],
  [0, ["above"], ["below"]],
  [0, ["more", "many"], ["less", "few", "fewer"]],
  [0, ["large", "larger", "big", "bigger"], ["small", "smaller"]],
  [0, ["increase", "raise", "grow"], ["decrease", "reduce", "shrink"]],
  [1, ["fast", "faster", "quick", "quicker", "quickly"], ["slow", "slower", "slowly"]],
  [2, ["exact", "exactly", "precise", "precisely"], ["approximate", "approximately", "inexact", "approximation"]],
  [3, ["long", "longer"], ["short", "shorter"]],
  [4, ["expensive", "costly"], ["cheap", "cheaper"]],
  [5, ["sharp", "sharper", "sharpen"], ["flat", "flatter", "flatten"]],
  [6, ["strong", "stronger"], ["weak", "weaker"]],
  [7, ["early", "earlier"], ["late", "later"]],
];
/** A word's end of its scale, and its family: a term is said the other way only in its own family's words ("smaller" -> "larger", not "more"). */
type Pole = { scale: number; sign: 1 | -1; family: number };
/** A modifier's sign on its scale, and whether it is a degree word ("more", "less"). */
type Modifier = { sign: 1 | -1 | 0; degree: boolean };
const POLE = new Map<string, Pole>();
FAMILIES.forEach(([scale, up, down], family) => {
  for (const w of up) POLE.set(w, { scale, sign: 1, family });
  for (const w of down) POLE.set(w, { scale, sign: -1, family });
});
/** "more" and "less" before a word are its degree ("more deterministic"): a bare word sits at the "more" end. */
const DEGREE = 2;

export function poleOf(t: Token): Pole | null {
  return POLE.get(t.word) ?? POLE.get(t.lemma) ?? null;
}

/** A scale's sign in a stretch of text; 0 where the stretch names both ends ("low = sharper/more ..."). */
type Signs = Map<number, 1 | -1 | 0>;

/**
 * What a key point pairs its outcome with, learnt from the pack (its label,
 * its criterion's description, the strong exemplars) like roles.ts learns a
 * contrast's owners: for each term, the poles of the clause it is said in
 * (`condition`: "a HIGHER temperature ... more random"), and the pole just
 * before it (`modifier`: "LESS memory"), where every reference agrees; and the
 * nouns it is said of (`subjects`).
 */
export type ConceptPoles = {
  condition: Map<number, 1 | -1>;
  modifier: Map<number, 1 | -1>;
  subjects: Set<string>;
  /** What the references say the other way round of ("brute force ... is too slow" beside "ANN is faster"). */
  others: Set<string>;
};
export type Poles = Map<string, ConceptPoles>;

export const polesOf = perCriterion(learnPoles);

export function learnPoles(question: Question, criterion: Criterion): Poles {
  const strong = question.exemplars.filter((e) => e.level === "strong").map((e) => e.answer);
  const poles: Poles = new Map();
  for (const concept of criterion.evidence.concepts) {
    if (!describedPoint(concept)) continue;
    const references = [concept.label, criterion.description, ...strong].map(analyse);
    const condition = new Map<number, Set<number>>();
    const modifier = new Map<number, Set<number>>();
    const subjects = new Set<string>();
    const others = new Set<string>();
    const rivals = rivalTerms(criterion, concept);
    for (const a of references) {
      const skip = termSpans(a, concept.terms);
      const taken = termSpans(a, rivals, false);
      for (const term of concept.terms) {
        for (const at of termAt(a, term)) {
          if (taken.has(at.index)) continue;
          const read = readOccurrence(a, at.index, at.length, skip);
          for (const [scale, sign] of read.condition) if (sign) add(condition, scale, sign);
          for (const [scale, { sign }] of read.modifier) if (sign) add(modifier, scale, sign);
          for (const n of clauseSubject(a, at.index, termLemmas(term))) subjects.add(n);
        }
        for (const reversed of reversedTerms(term))
          for (const at of termAt(a, reversed)) for (const n of clauseSubject(a, at.index, termLemmas(reversed))) others.add(n);
      }
    }
    for (const n of subjects) others.delete(n);
    poles.set(concept.label, { condition: agreed(condition), modifier: agreed(modifier), subjects, others });
  }
  return poles;
}

/**
 * A key point whose label says more than one of its terms ("ANN is much
 * faster / sublinear", not "faster"): only such a point says what it is said
 * of and under which condition, so only it can be stated the other way round
 * or taken back. A point written as a bare word, as the public evaluation
 * sets' mechanically authored packs are ("full", "not same", "decreases"),
 * is matched as before: answers that reason about both cases ("the
 * probability that the queue is full ... is not full") are common there, and
 * reading them as self-contradictions cost 0.09 r on SAF tuning.
 */
export function describedPoint(concept: Criterion["evidence"]["concepts"][number]): boolean {
  // The key point's own words alone decide it: read once per key point object (a pack's objects are never changed
  // in place), not once per answer and criterion, twice over.
  let described = describedKnown.get(concept);
  if (described === undefined) describedKnown.set(concept, (described = describedNow(concept)));
  return described;
}
const describedKnown = new WeakMap<Criterion["evidence"]["concepts"][number], boolean>();

function describedNow(concept: Criterion["evidence"]["concepts"][number]): boolean {
  const words = (text: string) =>
    analyseTerm(text)
      .tokens.filter((t) => CONTENT.has(t.pos) && !isNegator(t))
      .map((t) => t.lemma)
      .join(" ");
  const label = words(concept.label);
  return label.includes(" ") && !concept.terms.some((t) => words(t) === label);
}
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);

/**
 * The tokens a key point's terms take up in a text, with the pole just before
 * each ("fewer bits / LOWER precision"): one term's words are not another's
 * condition.
 */
export function termSpans(a: Analysis, terms: readonly string[], withModifier = true): Set<number> {
  const out = new Set<number>();
  for (const term of terms)
    for (const { index, length } of termAt(a, term)) {
      for (let j = index; j < index + length; j++) out.add(j);
      const before = a.tokens[index - 1];
      if (withModifier && before && poleOf(before)) out.add(index - 1);
    }
  return out;
}

/**
 * The other key points' terms of more than one word: where one of them stands ("less noisy"), a one-word
 * term of this point that a lenient match finds inside it ("noisier" ~ "noisy") is not said.
 */
export function rivalTerms(criterion: Criterion, concept: Criterion["evidence"]["concepts"][number]): string[] {
  return criterion.evidence.concepts.filter((c) => c !== concept).flatMap((c) => c.terms.filter((t) => t.trim().includes(" ")));
}

function add(m: Map<number, Set<number>>, scale: number, sign: number) {
  if (!m.has(scale)) m.set(scale, new Set());
  m.get(scale)!.add(sign);
}
function agreed(m: Map<number, Set<number>>): Map<number, 1 | -1> {
  const out = new Map<number, 1 | -1>();
  for (const [scale, signs] of m) if (signs.size === 1) out.set(scale, [...signs][0] as 1 | -1);
  return out;
}

const lemmaCache = new Map<string, Set<string>>();
function termLemmas(term: string): Set<string> {
  let s = lemmaCache.get(term);
  if (!s) lemmaCache.set(term, (s = new Set(analyseTerm(term).tokens.map((t) => t.lemma))));
  return s;
}

/**
 * Where a term occurs affirmed (a denied one says nothing of its pole), and how many tokens it spans. Read
 * once per answer and term: every key point's spans and occurrences are read from it (pole-reading.ts).
 */
export function termAt(a: Analysis, term: string): readonly { index: number; length: number }[] {
  let byTerm = occurrences.get(a);
  if (!byTerm) occurrences.set(a, (byTerm = new Map()));
  let found = byTerm.get(term);
  if (!found) byTerm.set(term, (found = affirmedAt(a, term)));
  return found;
}
const occurrences = new WeakMap<Analysis, Map<string, readonly { index: number; length: number }[]>>();

function affirmedAt(a: Analysis, term: string): { index: number; length: number }[] {
  const { positions, negative } = lemmaTermPositions(a, term);
  if (negative) return [];
  const length = analyseTerm(term).tokens.length;
  return positions.filter((i) => !negatedAt(a, i, 3, { head: true })).map((index) => ({ index, length }));
}

/**
 * The poles around a term's occurrence: the one just before it (its degree or
 * amount, "less memory") and those of its clause (its condition, "a higher
 * temperature makes it ..."). A clause with none and no subject of its own
 * goes on with the clause before it ("a lower temperature sharpens it, and at
 * 0 it becomes greedy"), never past a semicolon or colon, which begin a new
 * statement. The term's own words, and the words of the key point's other
 * terms (`skip`: "lower precision" beside "fewer bits"), are not its condition.
 */
export function readOccurrence(
  a: Analysis,
  index: number,
  length: number,
  skip: ReadonlySet<number> = new Set(),
): { condition: Signs; modifier: Map<number, Modifier> } {
  const modifier = new Map<number, Modifier>();
  const before = a.tokens[index - 1];
  const modifierAt = before && before.sentence === a.tokens[index]!.sentence && poleOf(before) ? index - 1 : -1;
  if (modifierAt >= 0) {
    const p = poleOf(before!)!;
    modifier.set(p.scale, { sign: p.sign, degree: p.family === DEGREE });
  }
  const condition: Signs = new Map();
  const sentence = a.tokens[index]!.sentence;
  for (let at = index; at >= 0 && a.tokens[at]!.sentence === sentence;) {
    const [from, to] = clauseAround(a, at);
    for (let j = from; j <= to; j++) {
      if ((j >= index && j < index + length) || j === modifierAt || skip.has(j)) continue;
      const p = poleOf(a.tokens[j]!);
      if (p) note(condition, p);
    }
    if (condition.size || from === 0 || namesSubject(a, from, to) || /[;:]/.test(gapBefore(a, from))) break;
    at = from - 1;
  }
  return { condition, modifier };
}

function note(signs: Signs, p: Pole) {
  const had = signs.get(p.scale);
  signs.set(p.scale, had === undefined || had === p.sign ? p.sign : 0);
}

/**
 * How many of a key point's pairings an occurrence turns round: a condition
 * at the other end of its scale ("a LOWER temperature makes it more random"),
 * a degree at the other end ("LESS memory" for "less memory" said as "more
 * memory"; "less deterministic" for a bare "deterministic"). An odd count
 * states the opposite; an even one (both turned, "a lower temperature makes
 * it less random") says the same thing the other way round.
 */
export function turned(
  learnt: ConceptPoles,
  read: { condition: Signs; modifier: Map<number, Modifier> },
): { flips: number; condition: Map<number, 1 | -1> } {
  let flips = 0;
  const crossed = new Map<number, 1 | -1>();
  for (const [scale, sign] of read.condition) {
    const want = learnt.condition.get(scale);
    if (sign && want && sign !== want) {
      flips++;
      crossed.set(scale, sign);
    }
  }
  for (const [scale, { sign, degree }] of read.modifier) {
    const want = learnt.modifier.get(scale) ?? (degree ? 1 : undefined);
    if (sign && want && sign !== want) flips++;
  }
  return { flips, condition: crossed };
}

/**
 * A term with a pole in it said the other way ("faster" -> "slower", "fewer
 * bits" -> "more bits", "less predictable" -> "more predictable"): each
 * spelling of the other end, as a term to look for.
 */
export function reversedTerms(term: string): string[] {
  const tokens = analyseTerm(term).tokens;
  const out: string[] = [];
  // "less" or "more" alone says nothing of what: any "more" in an answer would deny it.
  if (tokens.length === 1 && poleOf(tokens[0]!)?.family === DEGREE) return out;
  tokens.forEach((t, k) => {
    const p = poleOf(t);
    if (!p) return;
    const [, up, down] = FAMILIES[p.family]!;
    for (const w of p.sign === 1 ? down : up) out.push(tokens.map((u, j) => (j === k ? w : u.word)).join(" "));
  });
  return out;
}
