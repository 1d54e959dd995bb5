import { analyseOnce } from "./analyse.js";
import { sensesOf, synset, type Synset } from "./wordnet.js";

/**
 * What WordNet 3.1 says a single word means, read for paraphrases (grading/paraphrase.ts): the words that share
 * one of its senses ("cap" and "limit" share none, but "cap"'s sense "restrict the number or amount of" has
 * "limit" above it), the words of the senses just above its own (hypernyms: "save" above "cache", "limit" above
 * "cap"), and the content words of its definitions ("cache": "save up as for future use"). Look-ups are per
 * word and remembered; no sense is chosen: a paraphrase needs several words of one key point together, so a
 * stray sense of one word carries nothing alone.
 */
export type WordSenses = {
  /** Members of the word's synsets and of the synsets directly above them (single words, lower case). */
  near: ReadonlySet<string>;
  /** Content lemmas of the definitions of the word's first senses. */
  gloss: ReadonlySet<string>;
};

/** How many senses per part of speech are read: the rare senses of a word ("cap": a detonator) are noise. */
const SENSES = 3;
/** Definitions are read for the first senses only: a definition brings a dozen words, most of them loose. */
const GLOSS_SENSES = 2;

const known = new Map<string, WordSenses>();
const MEMO_LIMIT = 20_000;

export function wordSenses(lemma: string): WordSenses {
  let s = known.get(lemma);
  if (s) return s;
  const near = new Set<string>();
  const glossText: string[] = [];
  if (/^[a-z][a-z-]{2,}$/.test(lemma)) {
    for (const { pos, offsets } of sensesOf(lemma)) {
      offsets.slice(0, SENSES).forEach((offset, sense) => {
        const own = synset(pos, offset);
        addWords(near, own);
        for (const p of own.pointers) if (p.symbol === "@" || p.symbol === "@i") addWords(near, synset(p.pos, p.offset));
        if (sense < GLOSS_SENSES) glossText.push(own.gloss.replace(/^\([^)]*\)\s*/, ""));
      });
    }
  }
  near.delete(lemma);
  // One reading for all of a word's definitions, kept out of the cache of analysed texts, which is the answers'.
  const gloss = new Set<string>();
  if (glossText.length)
    for (const t of analyseOnce(glossText.join(".\n")).tokens)
      if (GLOSS_POS.has(t.pos) && t.lemma.length > 2 && !LOOSE.has(t.lemma) && t.lemma !== lemma) gloss.add(t.lemma);
  s = { near, gloss };
  if (known.size >= MEMO_LIMIT) known.clear();
  known.set(lemma, s);
  return s;
}

const GLOSS_POS = new Set(["NOUN", "VERB", "ADJ", "ADV"]);
/** Words every other definition uses ("something", "act", "make", "used"): they tell no meaning apart. */
const LOOSE = new Set(
  "something someone thing act action make use used usually especially very more most other certain particular being be have do way part kind form type state quality one".split(
    " ",
  ),
);

function addWords(into: Set<string>, s: Synset): void {
  for (const w of s.words) if (!w.includes(" ")) into.add(w);
}
