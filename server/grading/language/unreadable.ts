import { isKnownWord } from "./known-word.js";
import { textMemo } from "./text-memo.js";

/** Enough words to say a text is in no language the grader knows: a short answer may be all names and jargon. */
const MIN_WORDS = 12;
/** At most this share of its words are words at all (the lexicon the tagger loads) for a text to be unreadable. */
const MAX_KNOWN_SHARE = 0.15;
/**
 * Words English prose is a third made of; a cipher makes a few by chance (ROT13 turns "be" into "or"), so only a
 * share of them (MAX_FUNCTION_SHARE of the words) says the text is written, not encoded.
 */
const MAX_FUNCTION_SHARE = 0.08;
const FUNCTION_WORDS = new Set("the a an of and to in is are be for with that this it on as we i you or not at".split(" "));

/**
 * Whether prose is in letters but no language the grader reads or recognises: a shifted or substituted cipher
 * ("Wkh prgho uhwulhyhv..."), or a language neither English nor one `otherLanguage` knows. Its words are almost
 * none of them words (at most MAX_KNOWN_SHARE) and few are English function words. Such an answer is reported
 * as not graded ("unreadable"), for a reviewer to read, rather than named a keyword list, which it is not (outside
 * tester, session 21). English answers, however terse or full of jargon, carry function words or known words.
 */
export const unreadable: (text: string) => boolean = textMemo((text) => {
  const words = (text.match(/\p{Script=Latin}{3,}/gu) ?? []).map((w) => w.toLowerCase());
  if (words.length < MIN_WORDS) return false;
  const all = text.match(/\p{Script=Latin}+/gu) ?? [];
  if (all.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length > all.length * MAX_FUNCTION_SHARE) return false;
  const known = words.filter(isKnownWord).length;
  return known <= words.length * MAX_KNOWN_SHARE;
});
