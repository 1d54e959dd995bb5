import type { Analysis } from "../analyse.js";

/**
 * A plain phrasing compiled to ordered slots. A slot holds words: exact ("again") or a prefix ("retr*"); a token
 * fills a slot when its lemma or its surface form is one of them. Between two filled slots at most GAP other
 * tokens may stand ("try [the call] again", "wait [a bit] longer"): the phrase is said, loosely, in one stretch.
 */
export type Pattern = { source: string; slots: Slot[]; negative: boolean };
type Slot = { exact: Set<string>; prefixes: string[] };

/** Tokens allowed between two slots of one phrase. */
const GAP = 3;
/** Words by which a phrasing states its point as a denial ("not charged twice"): its own negation is its point. */
const NEGATORS = new Set(["not", "never", "no", "without", "n't"]);

export function compilePattern(source: string): Pattern {
  const slots = source
    .trim()
    .split(/\s+/)
    .map((slot) => {
      const exact = new Set<string>();
      const prefixes: string[] = [];
      for (const word of slot.toLowerCase().split("|"))
        if (word.endsWith("*")) prefixes.push(word.slice(0, -1));
        else exact.add(word);
      return { exact, prefixes };
    });
  const negative = slots.some((s) => [...s.exact].some((w) => NEGATORS.has(w)));
  return { source, slots, negative };
}

function fills(slot: Slot, lemma: string, word: string): boolean {
  if (slot.exact.has(lemma) || slot.exact.has(word)) return true;
  return slot.prefixes.some((p) => lemma.startsWith(p) || word.startsWith(p));
}

/**
 * The first match of a pattern among tokens [from, to) of an analysis: the token index of each slot, or null.
 * Each slot takes the nearest token that fills it, so a match is found in one pass per start token.
 */
export function matchPattern(p: Pattern, a: Analysis, from: number, to: number): number[] | null {
  const first = p.slots[0]!;
  for (let start = from; start < to; start++) {
    const t = a.tokens[start]!;
    if (!fills(first, t.lemma, t.word)) continue;
    const at = [start];
    let k = start;
    for (let s = 1; s < p.slots.length; s++) {
      let found = -1;
      for (let j = k + 1; j < to && j <= k + 1 + GAP; j++) {
        const u = a.tokens[j]!;
        if (fills(p.slots[s]!, u.lemma, u.word)) {
          found = j;
          break;
        }
      }
      if (found < 0) break;
      at.push(found);
      k = found;
    }
    if (at.length === p.slots.length) return at;
  }
  return null;
}
