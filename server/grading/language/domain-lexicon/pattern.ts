import type { Analysis } from "../analyse.js";
import { tokenKinds } from "../token-kinds.js";

/**
 * A plain phrasing compiled to ordered slots. A slot holds alternatives split by "|"; an alternative is one word or
 * several joined by "+" ("right+away|immediately"), each exact ("again") or a prefix ("retr*"); a token fills a
 * word when its lemma or its surface form is it. Between two filled slots at most GAP other tokens may stand
 * ("try [the call] again", "wait [a bit] longer"): the phrase is said, loosely, in one stretch.
 */
export type Pattern = { source: string; slots: Slot[]; negative: boolean };
type Word = { text: string; prefix: boolean };
type Slot = Word[][];

/** Tokens allowed between two slots of one phrase. */
const GAP = 3;
/** Words by which a phrasing states its point as a denial ("not charged twice"): its own negation is its point. */
const NEGATORS = new Set(["not", "never", "no", "without", "n't", "cannot"]);

export function compilePattern(source: string): Pattern {
  const slots: Slot[] = source
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((slot) =>
      slot
        .split("|")
        .map((alt) => alt.split("+").map((w) => (w.endsWith("*") ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }))),
    );
  const negative = slots.some((s) => s.some((alt) => alt.some((w) => NEGATORS.has(w.text))));
  return { source, slots, negative };
}

const says = (w: Word, lemma: string, word: string) =>
  w.prefix ? lemma.startsWith(w.text) || word.startsWith(w.text) : lemma === w.text || word === w.text;

/**
 * The last token index of the alternative of a slot that starts at token j (the longest), or -1. Plain loops: every
 * pattern of every linked concept asks this of every token of every sentence, and a callback per word cost as much
 * again as the comparisons.
 */
function fill(slot: Slot, a: Analysis, j: number, to: number): number {
  let end = -1;
  const tokens = a.tokens;
  for (let s = 0; s < slot.length; s++) {
    const alt = slot[s]!;
    const n = alt.length;
    if (j + n > to) continue;
    let all = true;
    for (let i = 0; i < n; i++) {
      const t = tokens[j + i]!;
      if (!says(alt[i]!, t.lemma, t.word)) {
        all = false;
        break;
      }
    }
    if (all && j + n - 1 > end) end = j + n - 1;
  }
  return end;
}

/**
 * The first match of a pattern among tokens [from, to) of an analysis: the token index where each slot starts, or
 * null. Each slot takes the nearest tokens that fill it, so a match is found in one pass per start token.
 */
export function matchPattern(p: Pattern, a: Analysis, from: number, to: number): number[] | null {
  if (!mayMatch(p, a)) return null;
  for (let start = from; start < to; start++) {
    let k = fill(p.slots[0]!, a, start, to);
    if (k < 0) continue;
    const at = [start];
    for (let s = 1; s < p.slots.length; s++) {
      let found = -1;
      for (let j = k + 1; j < to && j <= k + 1 + GAP; j++) {
        const end = fill(p.slots[s]!, a, j, to);
        if (end >= 0) {
          found = j;
          k = end;
          break;
        }
      }
      if (found < 0) break;
      at.push(found);
    }
    if (at.length === p.slots.length) return at;
  }
  return null;
}

/**
 * Whether the answer says, somewhere, every word a match would need: each slot has an alternative whose exact words
 * are all among the answer's lemmas or words (a prefix word is taken as said). Without them no stretch of it matches,
 * so the token-by-token search is skipped: most phrasings of a linked concept are absent from most answers, and
 * every claim sentence was searched for each. Once per answer and pattern.
 */
function mayMatch(p: Pattern, a: Analysis): boolean {
  let known = possible.get(a);
  if (!known) possible.set(a, (known = new Map()));
  let may = known.get(p);
  if (may === undefined) {
    const { byLemma, byWord } = tokenKinds(a);
    const said = (w: Word) => w.prefix || byLemma.has(w.text) || byWord.has(w.text);
    may = p.slots.every((slot) => slot.some((alt) => alt.every(said)));
    known.set(p, may);
  }
  return may;
}
const possible = new WeakMap<Analysis, Map<Pattern, boolean>>();
