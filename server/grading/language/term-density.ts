import { analyse } from "./analyse.js";

/** Parts of speech that carry content; the rest (articles, prepositions, pronouns, auxiliaries) is glue. */
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);
/** Fewer content words than this is a terse answer ("a leaf is a node with no children"), never stuffing. */
const MIN_CONTENT_WORDS = 8;
/**
 * A single sentence needs more: a terse note ("Chunk by heading, embed, hybrid BM25 plus vector
 * search, rerank the top 20.") is all key terms and honest, and one sentence earns at most three
 * key points of a criterion anyway (coverage.ts).
 */
const MIN_CONTENT_WORDS_ONE_SENTENCE = 16;
/**
 * The share of content words that are rubric terms above which a paragraph is
 * stuffing. Measured on the built-in pack: honest paragraphs of 8+ content
 * words reach at most 0.81 (the rubric author's own exemplars; independent
 * answers 0.75), generated salads, keyword runs and templated term sentences
 * start at 0.91.
 */
const MAX_TERM_SHARE = 0.88;

/**
 * Whether a paragraph is rubric terms held together by glue: nearly every
 * content word in it is one of the question's evidence terms. Whatever its
 * shape (a run of terms, terms strung with "of" and "the", sentences such as
 * "The X of Y is Z."), an answer says something besides the names of the key
 * points: what happened, why, with what result. A text that says nothing else
 * states nothing, however it is punctuated.
 */
export function termStuffed(paragraph: string, isTerm: (word: string) => boolean): boolean {
  const a = analyse(paragraph);
  const content = a.tokens.filter((t) => CONTENT.has(t.pos) && t.word.length >= 3);
  if (content.length < (a.sentences.length > 1 ? MIN_CONTENT_WORDS : MIN_CONTENT_WORDS_ONE_SENTENCE)) return false;
  const terms = content.filter((t) => isTerm(t.word) || isTerm(t.lemma)).length;
  return terms / content.length >= MAX_TERM_SHARE;
}
