import type { Analysis, Token } from "./analyse.js";
import type { TokenKinds } from "./token-kinds.js";
import { isKnownWord } from "./known-word.js";
import { isTypoOf } from "./typo.js";
import { WIDENING, wordFamily } from "./word-family.js";
import { sameDirectionWords } from "./change-words.js";

export type WordMatcher = (t: Pick<Token, "word" | "lemma"> & Partial<Pick<Token, "pos">>) => boolean;
/** What a term's word is said with: its own forms and relatives (`same`), and the spellings a slip is measured against. */
export type TermWordForms = { same: ReadonlySet<string>; spellings: readonly string[] };

/** By lemma, with relatives and without: two maps rather than one keyed by a string built per call (asked per answer word). */
const forms = { with: new Map<string, TermWordForms>(), without: new Map<string, TermWordForms>() };
const matchers = { with: new Map<string, WordMatcher>(), without: new Map<string, WordMatcher>() };

/** The forms of a term's word, worked out once. `relatives: false`: the word itself and its inflections only. */
export function termWordForms(lemma: string, options: { relatives?: boolean } = {}): TermWordForms {
  const relatives = options.relatives ?? true;
  const known = relatives ? forms.with : forms.without;
  let f = known.get(lemma);
  if (!f) {
    // A change of amount is said by any word of its direction ("shrinks" for "decreases"; change-words.ts).
    const family = relatives ? [...wordFamily(lemma), ...sameDirectionWords(lemma)] : [];
    // A relative's participle used as an adjective keeps its own spelling as its lemma ("more populated"
    // says "population" through "populate"), so the relatives' inflected forms are listed too.
    // The tagger leaves a capitalised plural opening a sentence as its own lemma ("Costs are going up"): a term
    // word's own inflections are its forms too (words of four letters or more, so "be" never reads "bed").
    const own = relatives && lemma.length >= 4 ? inflections(lemma) : [];
    const same = new Set([lemma, ...own, ...family, ...family.flatMap(inflections)]);
    // A slip may sit on an inflected form ("coloies" for "colonies"): the common inflections are candidates too.
    const spellings = WIDENING.typos ? [...new Set([...same].flatMap(inflections))].filter((w) => w.length >= 5) : [];
    f = { same, spellings };
    known.set(lemma, f);
  }
  return f;
}

/** Whether a written word may be a slip: long enough, plain letters, and not itself an English word. */
export function maySlip(word: string): boolean {
  if (word.length < 5) return false;
  let may = slipCandidates.get(word);
  if (may === undefined) {
    may = /^[a-z]+$/.test(word) && !isKnownWord(word);
    if (slipCandidates.size >= MEMO_LIMIT) slipCandidates.clear();
    slipCandidates.set(word, may);
  }
  return may;
}
/** Every term's matcher asks this of every word of a long answer: remember the recent answers' words. */
const slipCandidates = new Map<string, boolean>();
const MEMO_LIMIT = 20_000;

/** Whether `word` (a slip, see maySlip) misspells one of the forms. */
export const misspells = (word: string, f: TermWordForms) => f.spellings.some((w) => isTypoOf(word, w));

/**
 * Whether an answer's word says a term's word: the same lemma or surface form,
 * a derivational relative ("capitalism" for "capitalist"), or a misspelling of
 * either ("religon", "captialism") when the written word is not itself an
 * English word: "form" is never read as "from", nor "casual" as "causal".
 * Everything about the term is worked out once; per answer word the check is
 * a set look-up, and only an unknown word is compared letter by letter.
 */
export function termWordMatcher(lemma: string, options: { relatives?: boolean } = {}): WordMatcher {
  const known = (options.relatives ?? true) ? matchers.with : matchers.without;
  let m = known.get(lemma);
  if (!m) {
    const f = termWordForms(lemma, options);
    const stem = WIDENING.typos && isStem(lemma);
    // A slip is measured letter by letter: once per written word, not once per occurrence.
    const slips = new Map<string, boolean>();
    const slipsHere = (word: string) => {
      // Most written words are English words, which are never slips: asked first, once per word for every term
      // (maySlip remembers), so this term's own memo holds only the few unknown words.
      if (!maySlip(word)) return false;
      let hit = slips.get(word);
      if (hit === undefined) {
        hit = (f.spellings.length > 0 && misspells(word, f)) || (stem && slipsOnStem(word, lemma));
        if (slips.size >= MEMO_LIMIT) slips.clear();
        slips.set(word, hit);
      }
      return hit;
    };
    const slipPossible = f.spellings.length > 0 || stem;
    m = (t) =>
      t.lemma === lemma ||
      t.word === lemma ||
      // A relative or another name is a content word: "us" the pronoun is not "US" the country.
      (!FUNCTION_WORD.has(t.pos ?? "") && (f.same.has(t.lemma) || f.same.has(t.word))) ||
      (slipPossible && t.word.length >= 5 && slipsHere(t.word));
    known.set(lemma, m);
    reaches.set(m, { lemma, same: f.same, slips: slipPossible ? slipsHere : null });
  }
  return m;
}

/** What a matcher accepts, spelled out, so a whole answer is read by the term word's forms (saidBy). */
type Reach = { lemma: string; same: ReadonlySet<string>; slips: ((word: string) => boolean) | null };
const reaches = new WeakMap<WordMatcher, Reach>();

/**
 * Which kinds of an answer's tokens (token-kinds.ts) a matcher accepts, 1 or 0 per kind: exactly the kinds whose
 * first token the matcher accepts, found by looking up the term word's own forms among the answer's lemmas and
 * words, and asking the slip test only of the answer's unknown words. A question's terms have a hundred or more
 * words and an answer hundreds of tokens: asking each token of each word cost a tenth of grading.
 */
export function saidBy(matcher: WordMatcher, a: Analysis, k: TokenKinds): Uint8Array {
  const out = new Uint8Array(k.firsts.length);
  const reach = reaches.get(matcher);
  if (!reach) {
    k.firsts.forEach((i, kind) => (out[kind] = matcher(a.tokens[i]!) ? 1 : 0));
    return out;
  }
  mark(out, a, k, k.byLemma.get(reach.lemma), false);
  mark(out, a, k, k.byWord.get(reach.lemma), false);
  // A word with a large family (WordNet relatives and their inflections) is looked for the other way round.
  if (reach.same.size > k.firsts.length)
    k.firsts.forEach((i, kind) => {
      const t = a.tokens[i]!;
      if (!FUNCTION_WORD.has(t.pos) && (reach.same.has(t.lemma) || reach.same.has(t.word))) out[kind] = 1;
    });
  else
    for (const form of reach.same) {
      mark(out, a, k, k.byLemma.get(form), true);
      mark(out, a, k, k.byWord.get(form), true);
    }
  // The matcher's slip test holds only for a word that may slip (maySlip, which slipsHere asks first).
  if (reach.slips) for (const kind of mayBeSlips(a, k)) if (!out[kind] && reach.slips(a.tokens[k.firsts[kind]!]!.word)) out[kind] = 1;
  return out;
}

/** Marks the kinds listed (`content`: only those of a content word). A function of its own, not a closure per call. */
function mark(out: Uint8Array, a: Analysis, k: TokenKinds, kinds: number[] | undefined, content: boolean): void {
  if (kinds) for (const kind of kinds) if (!content || !FUNCTION_WORD.has(a.tokens[k.firsts[kind]!]!.pos)) out[kind] = 1;
}

/** The kinds whose word may be a slip (maySlip): found once per answer, not once per term word. */
function mayBeSlips(a: Analysis, k: TokenKinds): number[] {
  let kinds = slipKinds.get(k);
  if (!kinds) {
    kinds = [];
    for (let kind = 0; kind < k.firsts.length; kind++) if (maySlip(a.tokens[k.firsts[kind]!]!.word)) kinds.push(kind);
    slipKinds.set(k, kinds);
  }
  return kinds;
}
const slipKinds = new WeakMap<TokenKinds, number[]>();

const FUNCTION_WORD = new Set(["PRON", "ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART"]);

/** A term written as a word's stem ("reliab", "retransmi"): long enough to slip on, and not a word itself. */
const isStem = (lemma: string) => lemma.length >= 5 && /^[a-z]+$/.test(lemma) && !isKnownWord(lemma);

/** Whether a written word opens with a slip of the stem ("relaible" for "reliab"): its first letters, or one more (a letter left in). */
function slipsOnStem(word: string, stem: string): boolean {
  if (word.startsWith(stem)) return false;
  for (const n of [stem.length, stem.length + 1]) if (n >= 5 && n <= word.length && isTypoOf(word.slice(0, n), stem)) return true;
  return false;
}

function inflections(w: string): string[] {
  const out = [w, `${w}s`, `${w}ed`, `${w}ing`];
  if (/(?:s|x|z|ch|sh)$/.test(w)) out.push(`${w}es`);
  if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`);
  if (/e$/.test(w)) out.push(`${w}d`, `${w.slice(0, -1)}ing`);
  return out;
}
