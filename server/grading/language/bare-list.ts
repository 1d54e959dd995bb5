import type { Token } from "./analyse.js";
import { itemsBetween } from "./cut-items.js";

const PREDICATE = new Set(["VERB", "AUX"]);
/** A list has at least this many items, nearly all of them this short. */
const MIN_ITEMS = 3;
const SHORT_ITEM_WORDS = 3;
const SHORT_SHARE = 0.75;

/**
 * A sentence that is a run of items with no clause in it: "linear, linear,
 * sublinear, recall", "search, search, writes the answer". The tagger may read
 * an item as a verb ("recall", "writes the answer"), so a verb alone does not
 * make a claim: an item with a verb after its first word ("the generator
 * writes it") is a clause, and a run with one is a sentence with a list in it
 * ("We use caching, batching and quantization"). Without one, the run is a list
 * when at least half its items are names (no verb, no pronoun object) or an
 * item repeats; a run of verb phrases ("Fetches passages, ranks them, returns
 * the top k") answers the question as its subject, and stays a claim.
 */
export function bareList(sentence: string, tokens: Token[], sentenceStart: number): boolean {
  const cuts = [...sentence.matchAll(/[,;]/g)].map((m) => sentenceStart + m.index);
  if (cuts.length < MIN_ITEMS - 1) return false;
  const bounds = [sentenceStart, ...cuts, Infinity];
  const items = itemsBetween(tokens, bounds);
  if (items.length < MIN_ITEMS) return false;
  if (items.some((item) => item.slice(1).some((t) => PREDICATE.has(t.pos)))) return false;
  if (items.filter((item) => item.length <= SHORT_ITEM_WORDS).length < SHORT_SHARE * items.length) return false;
  const spelled = items.map((item) => item.map((t) => t.lemma).join(" "));
  if (new Set(spelled).size < spelled.length) return true;
  const names = items.filter((item) => !item.some((t) => PREDICATE.has(t.pos)) && !item.slice(1).some((t) => t.pos === "PRON"));
  return names.length * 2 >= items.length;
}
