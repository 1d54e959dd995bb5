import type { Token } from "./analyse.js";
import { itemsBetween } from "./cut-items.js";
import { GLUE } from "./glue.js";

/** A label is this short ("Strategy:", "Fix for tables:"). */
const LABEL_WORDS = 4;
/** More content words than this in a row after the opening word, with no glue between, is a bag of names, not a phrase. */
const LONGEST_CONTENT_RUN = 3;

/**
 * "Strategy: split on headings and sections with some overlap, keep tables and
 * code blocks intact, attach section-path metadata." A run of verb phrases, each
 * opening with a verb of its own, states a plan in the imperative: it says what
 * to do with each thing it names, as "I would split on headings, keep tables
 * intact and attach metadata" does, however dense in rubric terms it is. The
 * tagger reads some leading verbs as nouns ("split"), so two thirds of the
 * phrases opening with a verb is enough. Not a plan: one verb repeated over
 * names ("use X, use Y, use Z" is a template), or phrases that are runs of
 * names ("use chunking heading overlap metadata").
 */
export function verbPhraseNote(sentence: string, tokens: Token[], sentenceStart: number): boolean {
  const colon = sentence.indexOf(":");
  const labelled = colon > 0 && sentence.slice(0, colon).split(/\s+/).filter(Boolean).length <= LABEL_WORDS;
  const valueFrom = sentenceStart + (labelled ? colon + 1 : 0);
  const value = sentence.slice(labelled ? colon + 1 : 0);
  const cuts = [...value.matchAll(/[,;]/g)].map((m) => valueFrom + m.index);
  const bounds = [valueFrom, ...cuts, Infinity];
  const phrases = itemsBetween(tokens, bounds);
  if (phrases.length < 2 || phrases.some((p) => p.length < 2 || longestContentRun(p.slice(1)) > LONGEST_CONTENT_RUN)) return false;
  const verbs = phrases.filter((p) => p[0]!.pos === "VERB").map((p) => p[0]!.lemma);
  return verbs.length >= 2 && verbs.length * 3 >= phrases.length * 2 && new Set(verbs).size === verbs.length;
}

function longestContentRun(phrase: Token[]): number {
  let longest = 0;
  let run = 0;
  for (const t of phrase) {
    run = GLUE.has(t.pos) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}
