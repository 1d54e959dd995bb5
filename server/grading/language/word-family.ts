import { otherNames } from "./other-names.js";
import { adjectivesPertainingTo, sensesOf, synset, type WordnetPos } from "./wordnet.js";

/**
 * What widens a rubric term's words beyond their inflections. Chosen on the
 * tuning splits of the public evaluation (docs/grading-history.md, "Beyond exact lemmas"); the environment
 * override is for that measurement only.
 */
export type Widening = { typos: boolean; derivations: boolean; synonyms: number; similarity: "none" | "typos" | "all" };
const fromEnv = process.env.GRADER_WIDENING;
export const WIDENING: Widening = fromEnv
  ? {
      typos: fromEnv.includes("typo"),
      derivations: fromEnv.includes("deriv"),
      synonyms: Number(/syn(\d)/.exec(fromEnv)?.[1] ?? 0),
      similarity: fromEnv.includes("simtypo") ? "typos" : fromEnv.includes("sim") ? "all" : "none",
    }
  : { typos: true, derivations: true, synonyms: 0, similarity: "all" };

const families = new Map<string, Set<string>>();

/**
 * The words a reader takes as the same key point as `lemma`: its
 * derivational relatives in WordNet ("capitalism" for "capitalist",
 * "legislature" for "legislative", "religion" for "religious": one hop of
 * WordNet's derivation and pertainym links, which a lexicographer set word
 * by word, unlike a stemmer's "general" ~ "generate"), and optionally
 * synonyms from its most frequent senses. Single words only: answers are
 * matched word by word. The lemma itself is not included.
 */
export function wordFamily(lemma: string): Set<string> {
  let family = families.get(lemma);
  if (family) return family;
  family = new Set<string>();
  if (/^[a-z]{3,}$/.test(lemma) && (WIDENING.derivations || WIDENING.synonyms > 0)) {
    for (const { pos, offsets } of sensesOf(lemma)) {
      offsets.forEach((offset, sense) => {
        const s = synset(pos, offset);
        const me = s.words.indexOf(lemma) + 1;
        if (WIDENING.derivations)
          for (const p of s.pointers)
            if ((p.symbol === "+" || p.symbol === "\\") && p.source === me) {
              const relative = synset(p.pos, p.offset).words[p.target - 1];
              if (relative && (relative.length >= lemma.length - 1 || NOMINAL.test(lemma))) add(family!, relative);
              if (relative) for (const sibling of siblingsOf(relative)) if (sameStemAs(sibling, lemma, relative)) add(family!, sibling);
            }
        // WordNet records a pertainym on the adjective only ("congressional" pertains to "congress"): read
        // back, spelled from the noun, so that a sense's loose pertainyms ("national" for "state") stay out.
        if (WIDENING.derivations && pos === "noun")
          for (const adjective of adjectivesPertainingTo(offset))
            if (commonPrefix(adjective, lemma) >= Math.max(4, lemma.length - 2)) add(family!, adjective);
        if (sense < WIDENING.synonyms && safeSynonyms(pos)) for (const w of s.words) add(family!, w);
      });
    }
    if (WIDENING.derivations) for (const name of otherNames(lemma)) add(family, name);
    family.delete(lemma);
  }
  families.set(lemma, family);
  return family;
}

/**
 * A much shorter relative is usually a more general word: "work" for "worker",
 * "capital" for "capitalist", "judge" for "judicial" say less than the term.
 * It is kept only for a term that names the act itself ("declaration" is
 * declaring, "population" populating).
 */
const NOMINAL = /(?:[st]ion|ment|ance|ence|ure|val)$/;

/**
 * Two words formed from the same root and spelled alike are one word to a reader even where
 * WordNet links each only to the root: "judiciary" and "judicial" both come from "judge".
 * The shared spelling keeps apart siblings that mean other things ("justice" from "judge").
 */
function siblingsOf(root: string): string[] {
  const out: string[] = [];
  if (!/^[a-z]{3,}$/.test(root)) return out;
  for (const { pos, offsets } of sensesOf(root))
    for (const offset of offsets) {
      const s = synset(pos, offset);
      const me = s.words.indexOf(root) + 1;
      for (const p of s.pointers)
        if (p.symbol === "+" && p.source === me) {
          const w = synset(p.pos, p.offset).words[p.target - 1];
          if (w) out.push(w);
        }
    }
  return out;
}

/**
 * Siblings share a stem the root does not have ("judici-" in "judiciary" and "judicial", not in
 * "judge"): at least six letters, most of the shorter word, and three letters past what the root
 * shares with them, so "execution" (from "execute", as "executive" is) stays apart.
 */
export function sameStemAs(sibling: string, lemma: string, root: string): boolean {
  const n = commonPrefix(sibling, lemma);
  return n >= 6 && n >= 0.75 * Math.min(sibling.length, lemma.length) && n >= commonPrefix(root, lemma) + 3;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Adverb senses are too loose to trade ("just" ~ "simply" ~ "merely"). */
const safeSynonyms = (pos: WordnetPos) => pos !== "adv";

function add(family: Set<string>, word: string | undefined) {
  if (word && /^[a-z]+$/.test(word)) family.add(word);
}
