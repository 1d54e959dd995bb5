import type { Analysis } from "./analyse.js";

/**
 * An answer's tokens grouped by kind: tokens alike in word, lemma and part of speech are one kind, since every
 * term-word matcher reads only those three (term-word.ts). Each kind is found by its lemma or its word, so a
 * term's word is looked for by its own forms rather than by asking every token of the answer.
 */
export type TokenKinds = {
  /** Each token's kind. */
  kinds: Uint32Array;
  /** Each kind's first token. */
  firsts: number[];
  byLemma: Map<string, number[]>;
  byWord: Map<string, number[]>;
};

export function tokenKinds(a: Analysis): TokenKinds {
  let known = byAnalysis.get(a);
  if (!known) {
    const ids = new Map<string, number>();
    const kinds = new Uint32Array(a.tokens.length);
    const firsts: number[] = [];
    const byLemma = new Map<string, number[]>();
    const byWord = new Map<string, number[]>();
    a.tokens.forEach((t, i) => {
      const key = `${t.word}\u0000${t.lemma}\u0000${t.pos}`;
      let id = ids.get(key);
      if (id === undefined) {
        ids.set(key, (id = firsts.length));
        firsts.push(i);
        add(byLemma, t.lemma, id);
        add(byWord, t.word, id);
      }
      kinds[i] = id;
    });
    byAnalysis.set(a, (known = { kinds, firsts, byLemma, byWord }));
  }
  return known;
}
const byAnalysis = new WeakMap<Analysis, TokenKinds>();

const add = (m: Map<string, number[]>, key: string, id: number) => {
  const list = m.get(key);
  if (list) list.push(id);
  else m.set(key, [id]);
};
