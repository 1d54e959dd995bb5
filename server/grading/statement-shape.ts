import type { Analysis } from "./language/index.js";

const FUNCTION = new Set(["ADP", "DET", "PRON", "SCONJ", "CCONJ", "AUX", "PART"]);

/**
 * Whether a sentence has the shape of a statement that relates its words: five words or more, a predicate verb
 * (not a noun the tagger misread after a determiner or preposition: "the staged"), and the function words a
 * sentence has (a quarter of its words; a run of definition words has few). Key points read in other words
 * (paraphrase.ts, plain-phrasing.ts) need one: a salad or a list of words states nothing.
 */
export function relatesWords(a: Analysis, sentence: number): boolean {
  const s = a.sentences[sentence]!;
  const tokens = a.tokens.slice(s.from, s.to);
  if (tokens.length < 5 || !tokens.some((t, j) => t.pos === "VERB" && !(j > 0 && ["DET", "ADP"].includes(tokens[j - 1]!.pos))))
    return false;
  return tokens.filter((t) => FUNCTION.has(t.pos)).length >= 0.25 * tokens.length;
}
