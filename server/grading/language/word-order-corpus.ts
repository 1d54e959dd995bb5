import type { Pack } from "../../scenarios/index.js";
import { exampleSentences } from "./wordnet.js";

/**
 * What word-order.ts learns English order from: the built-in pack's prompts and model answers (technical prose, the
 * register answers are written in) and WordNet's example sentences (everyday English, so a plain answer's order is
 * not foreign either). Measured while choosing (session 20): on the pack alone, honest student answers read nearly
 * as foreign as shuffles; on WordNet alone, the fixtures' technical answers did; on both, the margin in word-order.ts.
 */
export function wordOrderCorpus(pack: Pack): string[] {
  const texts: string[] = [];
  for (const q of pack.questions) {
    texts.push(q.prompt);
    for (const e of q.exemplars) texts.push(e.answer);
  }
  return [...texts, ...exampleSentences()];
}
