import type { Token } from "./analyse.js";
import { itemsBetween } from "./cut-items.js";

/**
 * A terse note states something without a verb when a symbol relates its two
 * sides: "higher = more random", "cache hit -> no API call", "TP/(TP+FP) vs
 * TP/(TP+FN)". The symbol stands in for "is", "leads to" or "compared with";
 * each side must hold a word or a figure, so a stray "=" or "->" relates nothing.
 */
const RELATION = /[\w)\]][^\S\n]*(?:=|==|->|=>|→|⇒|↦|←|≈|<|>|≤|≥)[^\S\n]*[\w(["'-]|[\w)\]]\s+vs\.?\s+[\w(]/i;

export function relatesBySymbol(sentence: string): boolean {
  return RELATION.test(sentence);
}

/** "-er" words that are not comparatives. */
const NOT_COMPARATIVE = new Set([
  "never",
  "ever",
  "other",
  "rather",
  "together",
  "whether",
  "however",
  "either",
  "neither",
  "after",
  "over",
  "under",
  "per",
]);
const COMPARATIVE_WORDS = new Set(["more", "less", "fewer", "better", "worse"]);

/** A comparative ("faster", "less memory", "more random"): it predicates a change of what the note is about. */
export function isComparative(t: Token): boolean {
  if (COMPARATIVE_WORDS.has(t.word)) return true;
  return (t.pos === "ADJ" || t.pos === "ADV") && /^[a-z]{2,}er$/.test(t.word) && !NOT_COMPARATIVE.has(t.word);
}

/**
 * "Fewer bits: less memory, faster, slightly less accurate." The label is what
 * the note speaks of and every fragment after it a comparative: each says how
 * the label changes something, as "Quantizing uses less memory, runs faster and
 * is slightly less accurate" does. A label over plain nouns ("Action: rolled
 * back, feature flag, logs.") is a list, and stays one.
 */
export function comparativeNote(sentence: string, tokens: Token[], sentenceStart: number): boolean {
  const colon = sentence.indexOf(":");
  if (colon <= 0) return false;
  const label = sentence.slice(0, colon);
  if (!/\w/.test(label) || label.split(/\s+/).filter(Boolean).length > 4) return false;
  const valueFrom = sentenceStart + colon + 1;
  const cuts = [...sentence.slice(colon + 1).matchAll(/[,;]/g)].map((m) => valueFrom + m.index);
  const bounds = [valueFrom, ...cuts, Infinity];
  const fragments = bounds.slice(0, -1).map((from, i) => tokens.filter((t) => t.at >= from && t.at < bounds[i + 1]!));
  const filled = fragments.filter((f) => f.length > 0);
  return filled.length > 0 && filled.every((f) => f.some(isComparative));
}

/** A label's fragments relate their words when this share of them (and at least two) say how one word stands to another. */
const RELATED_SHARE = 1 / 3;
const MIN_RELATED = 2;
/** "+" joins two sides in a note ("recall@5 + faithfulness via judge", "prompt version + model version"). */
const JOIN = /[\w)\]]\s*\+\s*[\w(]/;

/**
 * "Eval: golden set of 300 past tickets, recall@5 + faithfulness via LLM judge; online deflection, escalation rate,
 * CSAT." A run of short fragments, labelled or not, reads as a keyword list (or, dense in terms, as a bag); a label over short fragments reads as a keyword list ("Action: rolled back, feature flag, logs."), but when
 * a third of its fragments relate what they name (a figure of their own, "per conversation", "via judge", "of 300
 * tickets", a "+" or an arrow) it is an expert's note: each such fragment states how something is done or
 * measured. A word of a term does not count ("per" in "tokens per", the figure in "recall@5" or "0.95"): a list of
 * the question's terms relates nothing, however its terms are spelled.
 */
export function relatedFragments(sentence: string, tokens: Token[], sentenceStart: number, isTerm: (word: string) => boolean): boolean {
  // After a label if there is one ("Eval: ..."), else the whole sentence ("Chunk ~500 tok, 50 overlap; rerank ...").
  const colon = sentence.indexOf(":");
  const valueFrom = sentenceStart + colon + 1;
  const cuts = [...sentence.slice(colon + 1).matchAll(/[,;]/g)].map((m) => valueFrom + m.index);
  const bounds = [valueFrom, ...cuts, Infinity];
  const fragments = itemsBetween(tokens, bounds).filter((f) => f.length > 0);
  const texts = [...cuts, sentenceStart + sentence.length].map((end, i) =>
    sentence.slice([valueFrom, ...cuts][i]! - sentenceStart, end - sentenceStart),
  );
  const term = (t: Token) => isTerm(t.word) || isTerm(t.lemma);
  const related = fragments.filter((f, i) => {
    const text = texts[i] ?? "";
    if (relatesBySymbol(text) || JOIN.test(text)) return true;
    return f.some((t, k) => {
      if (term(t)) return false;
      // A figure of the fragment's own, not one written onto a term ("recall@5").
      const prev = f[k - 1];
      if (t.pos === "NUM" || /\d/.test(t.word)) return !(prev && term(prev) && prev.at + prev.word.length === t.at);
      // A preposition that opens a phrase after a word: "of 300 tickets", "via judge", "per conversation".
      return (t.pos === "ADP" || t.pos === "SCONJ") && k > 0 && k < f.length - 1;
    });
  });
  return related.length >= MIN_RELATED && related.length >= RELATED_SHARE * fragments.length;
}
