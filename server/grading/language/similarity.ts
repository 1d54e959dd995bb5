import { analyse } from "./analyse.js";
import { claimSentences, type ClaimOptions } from "./claims.js";
import { negatedListItem } from "./negation-scope.js";
import { negatedAt } from "./terms.js";
import { maySlip, misspells, termWordForms, type TermWordForms } from "./term-word.js";
import { WIDENING } from "./word-family.js";
import { complementsOf } from "./antonyms.js";

const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"]);
const LIGHT = new Set(["be", "have", "do", "will", "would", "can", "could", "should", "may", "might", "must"]);

export type Vector = Map<string, number>;
export type Idf = { df: Map<string, number>; docs: number };

/**
 * The features a text is compared on: content lemmas (marked when negated, so
 * "not connected" differs from "connected") and adjacent lemma pairs (so a
 * word-shuffled copy does not look like the original). Only sentences that
 * make a claim contribute.
 */
export function features(
  text: string,
  isTerm?: (word: string) => boolean,
  options: ClaimOptions & { everySentence?: boolean } = {},
): string[] {
  const a = analyse(text);
  // A model answer is trusted text: a reference written as a note ("Mutual exclusion, hold and wait, ...")
  // still says what an answer should.
  const claims = options.everySentence ? new Set(a.sentences.map((_, i) => i)) : claimSentences(a, isTerm, options);
  const out: string[] = [];
  let prev: string | null = null;
  let prevSentence = -1;
  a.tokens.forEach((t, i) => {
    if (!claims.has(t.sentence) || !CONTENT.has(t.pos) || LIGHT.has(t.lemma)) return;
    // Negation marks the word it governs: "does not have a sequence number" still states "sequence number".
    // A denied list is denied item by item ("does not need X, Y or Z"; see negation-scope.ts).
    const f = negatedAt(a, i, 3, { head: true }) || negatedListItem(a, i) ? `not_${t.lemma}` : t.lemma;
    out.push(f);
    if (prev && prevSentence === t.sentence) out.push(`${prev}>${f}`);
    prev = f;
    prevSentence = t.sentence;
  });
  return out;
}

export function documentFrequencies(texts: string[]): Idf {
  const df = new Map<string, number>();
  for (const text of texts) for (const f of new Set(features(text))) df.set(f, (df.get(f) ?? 0) + 1);
  return { df, docs: texts.length };
}

/** TF-IDF (log tf, smoothed idf), L2-normalised. */
export function vectorOf(
  text: string,
  idf: Idf,
  isTerm?: (word: string) => boolean,
  options: ClaimOptions & { everySentence?: boolean } = {},
): Vector {
  const tf = new Map<string, number>();
  for (const f of features(text, isTerm, options)) tf.set(f, (tf.get(f) ?? 0) + 1);
  const v: Vector = new Map();
  let norm = 0;
  for (const [f, n] of tf) {
    const w = (1 + Math.log(n)) * Math.log((idf.docs + 1) / ((idf.df.get(f) ?? 0) + 1) + 1);
    v.set(f, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [f, w] of v) v.set(f, w / norm);
  return v;
}

/**
 * Share of the reference's weight the answer also carries (idf-weighted recall
 * of its features). A reference word the answer does not use is still carried
 * by a misspelling of it, or in part by a derivational relative
 * (termWordMatcher), with the same polarity: "not_connection" never carries
 * "connect".
 */
export function weightedRecall(answer: Vector, reference: Vector): number {
  const { ids, weights, total } = wordsOf(reference);
  const said = answerShares(answer);
  let hit = 0;
  for (let k = 0; k < ids.length; k++) {
    const w = weights[k]!;
    // 1: said (the word itself, or all of it carried); 0: nothing; else the share carried (see shareOf).
    const share = shareOf(said, ids[k]!);
    if (share === 1) hit += w;
    else if (share !== 0) hit += share * w;
  }
  return total === 0 ? 0 : hit / total;
}

/**
 * A reference's single-word features (its word pairs, "a>b", are left out of recall) as reference words' numbers,
 * with their weights, in the vector's order, and their total summed in that order (so the same floating-point
 * total). A reference vector is built once per pack version and compared with every answer: this is worked out
 * once per reference, not once per answer.
 */
function wordsOf(reference: Vector): { ids: Int32Array; weights: number[]; total: number } {
  let known = referenceWords.get(reference);
  if (!known || known.generation !== generation) {
    // Numbered afresh before, not while, a reference is numbered: its numbers are all of one generation.
    if (numbered.length + reference.size > MOST_REFERENCE_WORDS) startGeneration();
    const ids: number[] = [];
    known = { ids: new Int32Array(0), weights: [], total: 0, generation };
    for (const [f, w] of reference) {
      if (f.includes(">")) continue;
      ids.push(referenceWordId(f));
      known.weights.push(w);
      known.total += w;
    }
    known.ids = Int32Array.from(ids);
    referenceWords.set(reference, known);
  }
  return known;
}
const referenceWords = new WeakMap<Vector, { ids: Int32Array; weights: number[]; total: number; generation: number }>();

/**
 * Every reference word met, by number, with what carrying it takes, looked up once for the process (WordNet's
 * forms and complements never change), not once per answer: its own forms (a slip on them carries it), its
 * family (a relative carries a share) and its complements (their denial carries a share). `carriers` is the
 * family read the other way round: for each form, the reference words whose family holds it, so an answer's
 * words find the reference words they carry without walking every family. Past a bound the numbers start
 * afresh (a new generation), so a long-lived worker reading many packs does not grow without end.
 */
type ReferenceWord = {
  polarity: "" | "not_";
  word: string;
  own: TermWordForms;
  kin: TermWordForms | null;
  complements: ReadonlySet<string>;
};
let generation = 0;
let numbered: ReferenceWord[] = [];
let numbers = new Map<string, number>();
let carriers = new Map<string, number[]>();
/** Each answer holds a share per numbered word (8 bytes): a pack has a few thousand. */
const MOST_REFERENCE_WORDS = 50_000;
function startGeneration(): void {
  generation++;
  numbered = [];
  numbers = new Map();
  carriers = new Map();
}

function referenceWordId(f: string): number {
  let id = numbers.get(f);
  if (id !== undefined) return id;
  const polarity = f.startsWith("not_") ? "not_" : "";
  const word = f.slice(polarity.length);
  const kin = WIDENING.similarity === "all" ? termWordForms(word) : null;
  id = numbered.length;
  numbered.push({ polarity, word, own: termWordForms(word, { relatives: false }), kin, complements: complementsOf(word) });
  numbers.set(f, id);
  if (kin)
    for (const form of kin.same) {
      const list = carriers.get(form);
      if (list) list.push(id);
      else carriers.set(form, [id]);
    }
  return id;
}

/**
 * One answer vector's share of each reference word (NaN: not yet read), and for each polarity which reference
 * words a word of the answer is family of. It depends on the answer and the word alone, and one answer is
 * compared with several references (the strong model answers, each criterion's own part) that share most of
 * their words: worked out once per answer vector and word, not once per reference.
 */
type AnswerShares = {
  answer: Vector;
  words: AnswerWords;
  generation: number;
  shares: Float64Array;
  /** Per polarity: 1 for each reference word (numbered before this answer was read) whose family the answer says. */
  kinSaid: Map<string, Uint8Array>;
};
function answerShares(answer: Vector): AnswerShares {
  let memo = carried.get(answer);
  if (!memo || memo.generation !== generation) {
    memo = { answer, words: answerWords(answer), generation, shares: new Float64Array(numbered.length).fill(NaN), kinSaid: new Map() };
    carried.set(answer, memo);
  }
  return memo;
}
const carried = new WeakMap<Vector, AnswerShares>();

/** The share of a reference word's weight the answer carries, as weightedRecall adds it: 1 when said. */
function shareOf(memo: AnswerShares, id: number): number {
  if (id >= memo.shares.length) {
    const grown = new Float64Array(numbered.length).fill(NaN);
    grown.set(memo.shares);
    memo.shares = grown;
  }
  let share = memo.shares[id]!;
  if (Number.isNaN(share)) {
    const r = numbered[id]!;
    share = memo.answer.has(r.polarity + r.word) ? 1 : WIDENING.similarity === "none" ? 0 : carriedShareNow(memo, id, r);
    memo.shares[id] = share;
  }
  return share;
}

/**
 * The share of an unsaid reference word's weight the answer carries anyway (0, a complement's, a relative's or
 * all of it).
 */
function carriedShareNow(memo: AnswerShares, id: number, r: ReferenceWord): number {
  const { words } = memo;
  // The denial of a word's complement states it: "not closed" carries "open", "different" carries "not_same".
  const denied = words.get(r.polarity ? "" : "not_");
  if (denied && saysAny(r.complements, denied.all)) return COMPLEMENT_SHARE;
  const said = words.get(r.polarity);
  if (!said) return 0;
  if (said.slips.some((x) => misspells(x, r.own))) return 1;
  if (r.kin && (familySaid(memo, r.polarity, said.all, id, r.kin) || said.slips.some((x) => misspells(x, r.kin!)))) return RELATIVE_SHARE;
  return 0;
}

/**
 * Whether a reference word's family (hundreds of forms for some words) has a member the answer says: read from
 * the answer's side once per answer and polarity (`carriers`), for the reference words numbered by then.
 */
function familySaid(memo: AnswerShares, polarity: string, said: ReadonlySet<string>, id: number, kin: TermWordForms): boolean {
  let marks = memo.kinSaid.get(polarity);
  if (!marks) {
    marks = new Uint8Array(numbered.length);
    for (const x of said) {
      const ids = carriers.get(x);
      if (ids) for (const i of ids) if (i < marks.length) marks[i] = 1;
    }
    memo.kinSaid.set(polarity, marks);
  }
  if (id < marks.length) return marks[id] === 1;
  // A reference word numbered after this answer's marks were made: its family walked.
  return sharesAny(kin.same, said);
}

/** Whether a word's family has a member the answer says: no copy of the family per feature. */
function sharesAny(family: ReadonlySet<string>, said: ReadonlySet<string>): boolean {
  // The smaller set is walked: the answer says a few dozen words, a family may have hundreds.
  if (family.size <= said.size) {
    for (const x of family) if (said.has(x)) return true;
  } else for (const x of said) if (family.has(x)) return true;
  return false;
}

function saysAny(words: ReadonlySet<string>, said: ReadonlySet<string>): boolean {
  for (const x of words) if (said.has(x)) return true;
  return false;
}

/** An answer's single-word features by polarity: all of them, and those that may be slips (few). */
type AnswerWords = Map<string, { all: Set<string>; slips: string[] }>;
function answerWords(answer: Vector): AnswerWords {
  const out: AnswerWords = new Map();
  for (const k of answer.keys()) {
    if (k.includes(">")) continue;
    const polarity = k.startsWith("not_") ? "not_" : "";
    const word = k.slice(polarity.length);
    let entry = out.get(polarity);
    if (!entry) out.set(polarity, (entry = { all: new Set(), slips: [] }));
    entry.all.add(word);
    if (maySlip(word)) entry.slips.push(word);
  }
  return out;
}

/**
 * A relative carries a quarter of the word's weight: "monthly" says "month", but an
 * answer that paraphrases the reference word by word is not the reference. At a half,
 * the built-in pack's adequate exemplar of llm-gateway-multitenant passed its strong
 * one (calibrate); the tuning splits did not tell 0, 0.25 and 1 apart (docs/grading-history.md).
 */
const RELATIVE_SHARE = 0.25;

/**
 * A denied complement ("not closed" for "open") carries half the word's weight: the same statement,
 * but a word of the reference the answer does not use. Chosen on the Beetle tuning split: r 0.423 at
 * the whole weight, 0.425 at a half (docs/grading-history.md).
 */
const COMPLEMENT_SHARE = 0.5;
