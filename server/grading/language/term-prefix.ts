import { isKnownWord } from "./known-word.js";
import { doublesFinalConsonant } from "./spelling.js";
import { termWordForms } from "./term-word.js";
import { sensesOf, synset } from "./wordnet.js";

/**
 * Whether a written word that opens with a term's word still says it. Terms match at a word start so
 * that an author may write a stem ("retr" finds "retries", "idempot" "idempotent"), and a stem keeps
 * that. But a term that is itself an English word ("count", "art", "cap", "b") would otherwise fire
 * inside unrelated longer words ("counterfeit", "country", "article", "capital", "\begin"): such a
 * word is kept only when it is one of the term's forms (an inflection, "counts", "caching", or a
 * WordNet derivational relative, "countable", "counter") or is not itself an English word (a compound
 * the author meant: "tokenizer" for "token", "reranker", "token_count"). One rule for evidence matching
 * (match.ts) and for telling which words are the question's terms (question-terms.ts).
 */
export function continuesTerm(termWord: string, word: string): boolean {
  if (word === termWord) return true;
  const key = `${termWord} ${word}`;
  let keep = decided.get(key);
  if (keep === undefined) {
    keep =
      !/^[a-z]+$/.test(termWord) ||
      !isWord(termWord) ||
      formOf(termWord, word) ||
      !/^[a-z]+$/.test(word) ||
      !isWord(word) ||
      compoundOf(termWord, word) ||
      spellingOf(termWord, word);
    if (decided.size >= 20_000) decided.clear();
    decided.set(key, keep);
  }
  return keep;
}
const decided = new Map<string, boolean>();

/**
 * A closed compound of the term word and another word ("nitpicks", "teammate"). The rest must be a word of
 * four letters or more: a short rest is as often a suffix of an unrelated word ("per-son", "span-ish").
 */
const compoundOf = (termWord: string, word: string) => word.length - termWord.length >= 4 && isKnownWord(word.slice(termWord.length));

/**
 * Another name of the same thing, or of a kind of it, in WordNet (one synset, or a hypernym), when spelled as
 * the term word plus at most two letters ("catalogue" for "catalog", "distill" for "distil") or plus a word
 * ("pathway" for "path"); a synonym spelled otherwise is another word ("capital", a capital letter, for "cap").
 */
function spellingOf(termWord: string, word: string): boolean {
  const rest = word.slice(termWord.length);
  if (rest.length > 2 && !(rest.length >= 3 && isKnownWord(rest))) return false;
  const mine = new Set(sensesOf(termWord).flatMap(({ pos, offsets }) => offsets.map((o) => `${pos}${o}`)));
  // The same synset, or a kind of it: a "pathway" is a path.
  return sensesOf(word).some(({ pos, offsets }) =>
    offsets.some((o) => mine.has(`${pos}${o}`) || synset(pos, o).pointers.some((p) => p.symbol === "@" && mine.has(`${p.pos}${p.offset}`))),
  );
}

/** An English word: in the tagger's lexicon or in WordNet ("b" is a WordNet noun only). */
const isWord = (w: string) => isKnownWord(w) || sensesOf(w).length > 0;

/** One of the term word's forms, or such a form spelled with one letter more ("acknowledgement" for "acknowledgment"). */
function formOf(termWord: string, word: string): boolean {
  const f = formsOf(termWord);
  if (f.has(word)) return true;
  // The letter may be the term's own last ("acknowledg-e-ment"); the bare term word is no such form ("the" in "them").
  for (let i = termWord.length - 1; i < word.length; i++) {
    const spelled = word.slice(0, i) + word.slice(i + 1);
    if (spelled !== termWord && f.has(spelled)) return true;
  }
  return false;
}

const forms = new Map<string, Set<string>>();
/**
 * The term word's forms: its inflections ("approved", "missing", "capped"), an agent noun
 * ("logger", "reranker"), an adverb ("automatically"), and its WordNet relatives with their inflections.
 */
function formsOf(termWord: string): Set<string> {
  let f = forms.get(termWord);
  if (!f) {
    f = new Set(termWordForms(termWord).same);
    const w = termWord;
    const ends = ["s", "es", "ed", "ing", "er", "ers", "ings", "ly", "ally", "en"];
    for (const end of ends) f.add(w + end);
    // A final "e" drops before a vowel ("caching", "saved") and takes "n" for a participle ("given").
    if (w.endsWith("e")) for (const end of [...ends, "n"]) f.add(w.slice(0, -1) + end);
    // A final "y" turns to "i" ("retried").
    if (/[^aeiou]y$/.test(w)) for (const end of ["es", "ed", "er", "ers", "ly"]) f.add(`${w.slice(0, -1)}i${end}`);
    // A short final syllable doubles its consonant ("capped", "embedding", "logger", "busses").
    if (doublesFinalConsonant(w)) for (const end of ["ed", "ing", "er", "ers", "ings", "es"]) f.add(w + w.at(-1) + end);
    forms.set(termWord, f);
  }
  return f;
}
