import type { Question } from "../scenarios/index.js";
import { analyse, negatedAt, questionTerms, type Analysis } from "./language/index.js";
import { changeDirection } from "./language/change-words.js";
import { dismissedByScope } from "./language/negation-scope.js";
import { wordSenses } from "./language/word-senses.js";
import { findTerm } from "./match.js";
import { relatesWords } from "./statement-shape.js";

/**
 * A key point stated in plain words, without any of its terms: "if the call fails, try it again, and wait twice
 * as long before each new attempt" for "retry with exponential backoff", "a fixed list of questions with known
 * correct answers that we run every change against" for "golden eval set". Human graders credit these; term
 * matching cannot see them.
 *
 * What a key point means is read from what the pack already gives, offline:
 * - its own words: the concept's label and terms, lemmatised ("golden", "eval", "set", "past", "ticket");
 * - the words the pack states it with: content words next to one of its terms in the question's model answers
 *   (adequate and strong), criterion description, upper anchors and strong-answer note ("builds a few hundred
 *   questions from past tickets with the correct article labelled, gates changes on recall@5");
 * - WordNet 3.1 (word-senses.ts): the words sharing a sense with an own word or just above it ("save" above
 *   "cache", "limit" above "cap"), and, at half weight, the words of its definitions.
 * A word several key points of the question are stated with tells none of them apart: its weight is shared out.
 * Nor does a word the question's texts use throughout (topicWords), a word of the prompt or of another point's
 * terms, nor one only the pack's weak answers use: what an answer that earns nothing says is no evidence.
 *
 * A sentence states a key point in other words when it is a claim that relates its words (a verb, and the
 * function words of a sentence: a run of definition words is no statement), holds at least MIN_WORDS distinct
 * words of that point's meaning within one WINDOW of words, MIN_STRONG of them the pack's own (or an answer word
 * sharing a WordNet sense with one: "erase" for "delete"), weighing at least MIN_WEIGHT after sharing, most of
 * them not negated or dismissed, and does not name that point by its terms (there the terms read it; the same
 * sentence may still state another point in other words). It states at most one point: the one its words fit
 * best. A salad of a point's definition words has no sentence shape; padded with function words, its words are a definition's, at half weight and shared out.
 * Thresholds chosen on the hand-written cases of test/fixtures/paraphrase (tuning part) and the built-in pack's
 * exemplars, measured on the public sets' tuning splits (docs/grading-history.md, Session 11, "paraphrase").
 */
export type OtherWordsHit = { at: number; length: number; sentence: number };
/** `direction`: the change of amount the point's own words name (change-words.ts), 0 for none. */
type Meaning = { criterion: string; label: string; own: Set<string>; words: Map<string, number>; direction: number };
/** `credits`: what each answer word met so far credits each point (creditsOf). */
type Meanings = {
  meanings: Meaning[];
  spread: Map<string, number>;
  terms: { meaning: number; term: string }[];
  credits: Map<string, readonly Credit[]>;
};

const MIN_WORDS = 3;
const MIN_STRONG = 2;
const MIN_WEIGHT = 1.5;
const WINDOW = 18;
/** At most this share of a sentence's content words may be the point's meaning words. */
const SALAD_SHARE = 0.6;
/** Words of a definition carry half: "storage" in "a hidden storage space" is loosely "cache". */
const GLOSS_WEIGHT = 0.5;
/** An answer word whose own sense sits with a key point's word ("keep" for "retain") carries most of it. */
const NEAR_WEIGHT = 0.75;
/** How near a term, in the pack's texts, a word stands to say something of it. */
const NEAR = 12;

const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV"]);
/** Words that relate anything to anything (term-relations.ts' GENERIC, and a few more of the same kind). */
const GENERIC = new Set(
  "be have do use make get go need way thing also well more most very just take give put set keep can will would should could may might must not only each every all any some many much few other new good bad first one two say come look see want like right time lot".split(
    " ",
  ),
);

/** Measurement only: GRADER_PARAPHRASE=off reads terms alone, as before (scripts/eval, docs/grading.md). */
const ON = process.env.GRADER_PARAPHRASE !== "off";

const cache = new WeakMap<Question, Meanings>();

function meaningsOf(q: Question): Meanings {
  let known = cache.get(q);
  if (known) return known;
  const isTerm = questionTerms(q);
  const asked = new Set(analyse(q.prompt).tokens.map((t) => t.lemma));
  const meanings: Meaning[] = [];
  const terms: { meaning: number; term: string }[] = [];
  for (const c of q.rubric)
    for (const k of c.evidence.concepts) {
      const own = new Set<string>();
      for (const text of [k.label, ...k.terms])
        for (const t of analyse(text.replace(/[@%]/g, " ")).tokens)
          if (CONTENT.has(t.pos) && /^[a-z][a-z-]{2,}$/.test(t.lemma) && !GENERIC.has(t.lemma)) own.add(t.lemma);
      for (const term of k.terms) terms.push({ meaning: meanings.length, term: term.toLowerCase() });
      const direction = [...own].map(changeDirection).find((d) => d !== 0) ?? 0;
      meanings.push({ criterion: c.id, label: k.label, own, words: new Map(), direction });
    }
  const ownOfAny = new Set(meanings.flatMap((m) => [...m.own]));
  const topic = topicWords(q);
  const add = (m: Meaning, w: string, weight: number) => {
    if (GENERIC.has(w) || w.length < 3) return;
    // A word the question's texts use throughout says nothing of one point, unless it is that point's own word and
    // not the prompt's: the anchors restate each key point at every level, so in a small pack's few sentences a
    // point's own word ("field" of "field-level accuracy") passes the topic share without being the topic.
    if (topic.has(w) && !(m.own.has(w) && !asked.has(w))) return;
    // A word of another key point's own names that point; a word of the question is in every answer.
    if (!m.own.has(w) && (ownOfAny.has(w) || asked.has(w) || isTerm(w))) return;
    if ((m.words.get(w) ?? 0) < weight) m.words.set(w, weight);
  };
  for (const m of meanings) {
    for (const w of m.own) {
      add(m, w, 1);
      const senses = wordSenses(w);
      for (const x of senses.near) add(m, x, NEAR_WEIGHT);
      for (const x of senses.gloss) add(m, x, GLOSS_WEIGHT);
    }
  }
  // The words the pack states each key point with, next to its terms.
  const texts = [
    ...q.exemplars.filter((e) => e.level !== "weak").map((e) => e.answer),
    ...q.rubric.flatMap((c) => [c.description, c.anchors["3"], c.anchors["4"], c.strongAnswerAdds ?? ""]),
  ];
  for (const text of texts) {
    const a = analyse(text);
    a.sentences.forEach((s) => {
      const lower = s.text.toLowerCase();
      const tokens = a.tokens.slice(s.from, s.to);
      for (const { meaning, term } of terms) {
        for (let at = findTerm(lower, term); at >= 0; at = findTerm(lower, term, { from: at + 1 })) {
          const first = tokens.findIndex((t) => t.at - s.start + t.word.length > at);
          if (first < 0) break;
          for (let k = Math.max(0, first - NEAR); k <= Math.min(tokens.length - 1, first + NEAR); k++) {
            const t = tokens[k]!;
            if (CONTENT.has(t.pos) && !/\d/.test(t.word)) add(meanings[meaning]!, t.lemma, 1);
          }
        }
      }
    });
  }
  const spread = new Map<string, number>();
  for (const m of meanings) for (const w of m.words.keys()) spread.set(w, (spread.get(w) ?? 0) + 1);
  known = { meanings, spread, terms, credits: new Map() };
  cache.set(q, known);
  return known;
}

/**
 * The words the question's texts use throughout (in more than TOPIC_SHARE of their sentences: "model", "request",
 * "answer" in a design question): what every answer to it says, a weak answer as much as a strong one.
 */
const TOPIC_SHARE = 0.08;
function topicWords(q: Question): Set<string> {
  const texts = [
    q.prompt,
    ...q.exemplars.map((e) => e.answer),
    ...q.rubric.flatMap((c) => [c.description, ...Object.values(c.anchors), c.strongAnswerAdds ?? ""]),
  ];
  const df = new Map<string, number>();
  let n = 0;
  for (const text of texts) {
    const a = analyse(text);
    for (const s of a.sentences) {
      n++;
      for (const w of new Set(a.tokens.slice(s.from, s.to).map((t) => t.lemma))) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  const topic = new Set([...df].filter(([, k]) => k > TOPIC_SHARE * n && k >= 3).map(([w]) => w));
  // What only the pack's weak answers say is what an answer earning nothing says (a word the better answers use
  // too is theirs as much).
  const better = new Set(q.exemplars.filter((e) => e.level !== "weak").flatMap((e) => analyse(e.answer).tokens.map((t) => t.lemma)));
  for (const e of q.exemplars)
    if (e.level === "weak") for (const t of analyse(e.answer).tokens) if (!better.has(t.lemma)) topic.add(t.lemma);
  return topic;
}

const read = new WeakMap<Analysis, WeakMap<Meanings, Map<string, OtherWordsHit>>>();

/**
 * The key points of a question (criterion id and label, joined by "\u0000") that some claim sentence of the
 * answer states in other words, each with its first such sentence. `claims`: the sentences that make a claim.
 */
export function statedInOtherWords(q: Question, a: Analysis, claims: ReadonlySet<number>): Map<string, OtherWordsHit> {
  if (!ON) return new Map();
  const m = meaningsOf(q);
  let byMeanings = read.get(a);
  if (!byMeanings) read.set(a, (byMeanings = new WeakMap()));
  let found = byMeanings.get(m);
  if (found) return found;
  found = new Map();
  for (const i of claims) {
    const best = bestFit(m, a, i);
    if (!best) continue;
    const key = `${best.meaning.criterion}\u0000${best.meaning.label}`;
    if (!found.has(key)) found.set(key, best.hit);
  }
  byMeanings.set(m, found);
  return found;
}

export const otherWordsKey = (criterion: string, label: string) => `${criterion}\u0000${label}`;

function bestFit(m: Meanings, a: Analysis, i: number): { meaning: Meaning; hit: OtherWordsHit } | null {
  const s = a.sentences[i]!;
  // A relation: a verb, and the function words a sentence has (statement-shape.ts).
  if (!relatesWords(a, i)) return null;
  // A key point the sentence names by its terms is read by them; the sentence may still state another point in
  // other words ("I'd have the rewriter give back the things to avoid and filter the recipes in code" names
  // "filter", a term of the diagnosis, and states the fix's "applied as filters in code" in its own words).
  const lower = s.text.toLowerCase();
  const named = new Set(m.terms.filter(({ term }) => findTerm(lower, term) >= 0).map(({ meaning }) => meaning));
  const words = sentenceWords(a, s.from, s.to);
  let best: { meaning: Meaning; weight: number; from: number; to: number } | null = null;
  m.meanings.forEach((meaning, at) => {
    if (named.has(at)) return;
    const fit = fitOf(m, meaning, at, a, words, named.size > 0);
    if (fit && (!best || fit.weight > best.weight)) best = { meaning, ...fit };
  });
  if (!best) return null;
  const { meaning, from: first, to: last } = best as { meaning: Meaning; from: number; to: number };
  const from = a.tokens[first]!;
  const to = a.tokens[last]!;
  return { meaning, hit: { at: from.at, length: to.at + to.word.length - from.at, sentence: i } };
}

/**
 * What every key point reads of one sentence, read once for all of them: its content words that may carry a
 * point's meaning, how many content words it has, the change directions its words move in, and (asked lazily,
 * once per word) whether a word is negated or dismissed.
 */
type SentenceWords = { indices: number[]; content: number; directions: Set<number>; negated: (k: number) => boolean };
function sentenceWords(a: Analysis, from: number, to: number): SentenceWords {
  const indices: number[] = [];
  const directions = new Set<number>();
  let content = 0;
  for (let k = from; k < to; k++) {
    const t = a.tokens[k]!;
    directions.add(changeDirection(t.lemma));
    if (!CONTENT.has(t.pos)) continue;
    content++;
    if (!GENERIC.has(t.lemma) && t.lemma.length >= 3) indices.push(k);
  }
  const negations = new Map<number, boolean>();
  const negated = (k: number) => {
    let n = negations.get(k);
    if (n === undefined) negations.set(k, (n = negatedAt(a, k, 2) || dismissedByScope(a, k)));
    return n;
  };
  return { indices, content, directions, negated };
}

/**
 * The best window of a sentence for one key point (the `at`-th of the question's), when it passes; token indices into the
 * analysis. `besideTerms`: the sentence names another point by its terms.
 */
function fitOf(
  m: Meanings,
  meaning: Meaning,
  at: number,
  a: Analysis,
  words: SentenceWords,
  besideTerms = false,
): { weight: number; from: number; to: number } | null {
  // A point about a change of amount ("cost growth") is not stated by a sentence that moves the other way ("the costs
  // shrink, since each extra loop is a paid call"): the pack's words around it fit, the direction does not.
  if (meaning.direction !== 0 && words.directions.has(-meaning.direction)) return null;
  // Each content word's credit for this point: the word itself in its meaning, or a word sharing a sense with
  // one of its own words (creditsOf, worked out once per word for all the question's points).
  const credits: { index: number; key: string; weight: number; strong: boolean; negated: boolean }[] = [];
  for (const k of words.indices) {
    const credit = creditsOf(m, a.tokens[k]!.lemma)[at];
    if (credit) credits.push({ index: k, key: credit.key, weight: credit.weight, strong: credit.strong, negated: words.negated(k) });
  }
  if (credits.length < MIN_WORDS) return null;
  // A sentence made mostly of the point's meaning words is a salad of them, however it is glued: a statement
  // says something besides them (who does it, to what, when).
  if (credits.length > SALAD_SHARE * words.content) return null;
  let best: { weight: number; from: number; to: number } | null = null;
  for (let start = 0; start < credits.length; start++) {
    const keys = new Map<string, { weight: number; strong: boolean }>();
    let negated = 0;
    let end = start;
    for (let j = start; j < credits.length && credits[j]!.index - credits[start]!.index < WINDOW; j++) {
      const c = credits[j]!;
      const had = keys.get(c.key);
      if (!had || had.weight < c.weight) keys.set(c.key, { weight: c.weight, strong: c.strong || (had?.strong ?? false) });
      if (c.negated) negated++;
      end = j;
    }
    // Summed in the map's order, as a reduce over its values would (the same floating-point total), without copies.
    let weight = 0;
    let strong = 0;
    for (const k of keys.values()) {
      weight += k.weight;
      if (k.strong) strong++;
    }
    const count = end - start + 1;
    // Beside another point's terms, no word of the window may be negated: "We never filter anything in code"
    // denies the fix whose words it shares with the term it names.
    const denied = besideTerms ? negated > 0 : negated * 2 >= count;
    if (keys.size >= MIN_WORDS && strong >= MIN_STRONG && weight >= MIN_WEIGHT && !denied && (!best || weight > best.weight))
      best = { weight, from: credits[start]!.index, to: credits[end]!.index };
  }
  return best;
}

type Credit = { key: string; weight: number; strong: boolean } | null;

/**
 * What an answer's content word (by its lemma) credits each of the question's key points, in the order of
 * `m.meanings`: the word itself in a point's meaning, else the first word sharing a sense with it (or, at less
 * weight, of its definitions) that is one of the point's own words. It depends on the pack and the word only, so
 * it is worked out once per word and pack version, not once per sentence and key point (it was a tenth of the
 * criteria's reading).
 */
function creditsOf(m: Meanings, lemma: string): readonly Credit[] {
  let row = m.credits.get(lemma);
  if (row) return row;
  row = m.meanings.map((meaning) => {
    const w = meaning.words.get(lemma);
    if (w !== undefined) return { key: lemma, weight: w / m.spread.get(lemma)!, strong: w === 1 };
    // The answer's word shares a sense with one of the point's own words, or its definition uses one.
    const senses = wordSenses(lemma);
    for (const x of senses.near)
      if (meaning.own.has(x) || meaning.words.get(x) === 1) return { key: x, weight: NEAR_WEIGHT / (m.spread.get(x) ?? 1), strong: false };
    for (const x of senses.gloss) if (meaning.own.has(x)) return { key: x, weight: GLOSS_WEIGHT / (m.spread.get(x) ?? 1), strong: false };
    return null;
  });
  // Answers bring words without end (slips, names, pasted text): the memo starts over past its limit.
  if (m.credits.size >= CREDITS_LIMIT) m.credits.clear();
  m.credits.set(lemma, row);
  return row;
}
const CREDITS_LIMIT = 20_000;

/** A key point's meaning words with their weight after sharing (for the report of a test or a look at a pack). */
export function meaningWords(q: Question, criterion: string, label: string): Map<string, number> {
  const m = meaningsOf(q);
  const meaning = m.meanings.find((x) => x.criterion === criterion && x.label === label);
  return new Map([...(meaning?.words ?? [])].map(([w, weight]) => [w, weight / m.spread.get(w)!]));
}
