import type { Token } from "./analyse.js";
import { isKnownWord } from "./known-word.js";
import { isTypoOf } from "./typo.js";
import { WIDENING, wordFamily } from "./word-family.js";

export type WordMatcher = (t: Pick<Token, "word" | "lemma">) => boolean;
const matchers = new Map<string, WordMatcher>();

/**
 * Whether an answer's word says a term's word: the same lemma or surface form,
 * a derivational relative ("capitalism" for "capitalist"), or a misspelling of
 * either ("religon", "captialism") when the written word is not itself an
 * English word: "form" is never read as "from", nor "casual" as "causal".
 * Everything about the term is worked out once; per answer word the check is
 * a set look-up, and only an unknown word is compared letter by letter.
 * `relatives: false`: the term's own word and its misspellings only.
 */
export function termWordMatcher(lemma: string, options: { relatives?: boolean } = {}): WordMatcher {
  const relatives = options.relatives ?? true;
  const key = `${relatives ? "+" : "-"}${lemma}`;
  let m = matchers.get(key);
  if (m) return m;
  const family = relatives ? wordFamily(lemma) : new Set<string>();
  const same = new Set([lemma, ...family]);
  // A slip may sit on an inflected form ("coloies" for "colonies"): the common inflections are candidates too.
  const spellings = WIDENING.typos ? [...new Set([...same].flatMap(inflections))].filter((w) => w.length >= 5) : [];
  m = (t) =>
    same.has(t.lemma) ||
    same.has(t.word) ||
    (spellings.length > 0 &&
      t.word.length >= 5 &&
      /^[a-z]+$/.test(t.word) &&
      !isKnownWord(t.word) &&
      spellings.some((w) => isTypoOf(t.word, w)));
  matchers.set(key, m);
  return m;
}

function inflections(w: string): string[] {
  const out = [w, `${w}s`, `${w}ed`, `${w}ing`];
  if (/(?:s|x|z|ch|sh)$/.test(w)) out.push(`${w}es`);
  if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`);
  if (/e$/.test(w)) out.push(`${w}d`, `${w.slice(0, -1)}ing`);
  return out;
}
