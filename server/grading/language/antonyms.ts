import { analyse } from "./analyse.js";
import { isKnownWord } from "./known-word.js";
import { doublesFinalConsonant } from "./spelling.js";
import { sensesOf, synset } from "./wordnet.js";
import { WIDENING } from "./word-family.js";

/**
 * The word whose denial says a word: "not closed" says "open", "no complete circuit" an incomplete one,
 * "not the same" different. These are WordNet's direct antonyms of adjectives, kept only where a denial
 * of one leaves nothing but the other:
 * - the two are each other's antonym, and one of them has no other ("different" has only "same";
 *   "right" has both "left" and "wrong", and "left" only "right");
 * - no sense of it offers a range of opposites ("positive" against "negative" and "neutral"), which
 *   shows a middle ground;
 * - neither is gradable: a word with a comparative ("higher", "cheaper", "emptier", "faster") has a
 *   middle ground, so "not fast" is not "slow", "not high" is not "low", "not empty" is not "full".
 *   The poles (pole-opposites.ts) are such words, and are read there as scales.
 * Worked out once per word, when a rubric term or a reference word is first read.
 */
export function complementsOf(lemma: string): ReadonlySet<string> {
  // Measurement only (GRADER_WIDENING without "deriv"): the grader before any WordNet reading.
  if (!WIDENING.derivations) return NOTHING;
  let out = complements.get(lemma);
  if (!out) {
    // A word with several opposites in its senses ("right": left, wrong; "same": other, different) is said by
    // the denial of one only where that one has no other opposite: "not the same" says "different".
    out = new Set([...candidates(lemma)].filter((other) => only(lemma) === other || only(other) === lemma));
    complements.set(lemma, out);
  }
  return out;
}
const complements = new Map<string, ReadonlySet<string>>();
const NOTHING: ReadonlySet<string> = new Set();

/** Mutual antonyms neither of which is gradable. */
function candidates(lemma: string): Set<string> {
  let out = mutual.get(lemma);
  if (!out) {
    const all = directAntonyms(lemma);
    out =
      all.size && !gradable(lemma)
        ? new Set([...all].filter((other) => directAntonyms(other).has(lemma) && !gradable(other)))
        : new Set<string>();
    mutual.set(lemma, out);
  }
  return out;
}
const mutual = new Map<string, Set<string>>();

/** A word's one opposite, or null when it has none or several. */
function only(lemma: string): string | null {
  const c = candidates(lemma);
  return c.size === 1 ? [...c][0]! : null;
}

function directAntonyms(lemma: string): Set<string> {
  const out = new Set<string>();
  if (!/^[a-z]{3,}$/.test(lemma)) return out;
  for (const { pos, offsets } of sensesOf(lemma)) {
    if (pos !== "adj") continue;
    for (const offset of offsets) {
      const s = synset(pos, offset);
      const me = s.words.indexOf(lemma) + 1;
      const here = s.pointers.filter((p) => p.symbol === "!" && p.source === me).map((p) => synset(p.pos, p.offset).words[p.target - 1]);
      // A sense with a range of opposites ("positive": negative, neutral) shows a middle ground: no complement at all.
      if (here.length > 1) return new Set();
      if (here[0] && /^[a-z]+$/.test(here[0])) out.add(here[0]);
    }
  }
  return out;
}

/** A word with a comparative in the lexicon, read back as the word itself ("emptier" -> "empty") or as a degree adverb ("faster"). */
function gradable(word: string): boolean {
  if (DEGREE.has(word) || IRREGULAR.has(word)) return true;
  return comparatives(word).some((c) => {
    if (!isKnownWord(c)) return false;
    const t = analyse(`it is ${c} than that`).tokens[2];
    return t !== undefined && ((t.pos === "ADJ" && t.lemma === word) || t.pos === "ADV");
  });
}

/** Degree words, and the adjectives whose comparative is another word ("better", "worse", "more"). */
const DEGREE = new Set(["more", "less", "most", "least", "fewer", "fewest"]);
const IRREGULAR = new Set(["good", "bad", "well", "ill", "far", "little", "much", "many"]);

function comparatives(w: string): string[] {
  const out = [`${w}er`];
  if (w.endsWith("e")) out.push(`${w}r`);
  if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ier`);
  if (doublesFinalConsonant(w)) out.push(`${w}${w.at(-1)}er`);
  return out;
}
