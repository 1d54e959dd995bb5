import type { Token } from "./analyse.js";

/**
 * A terse note states something without a verb when a symbol relates its two
 * sides: "higher = more random", "cache hit -> no API call", "TP/(TP+FP) vs
 * TP/(TP+FN)". The symbol stands in for "is", "leads to" or "compared with";
 * each side must hold a word or a figure, so a stray "=" or "->" relates nothing.
 */
const RELATION = /[\w)\]][^\S\n]*(?:=|==|->|=>|→|⇒|↦|≈|<|>|≤|≥)[^\S\n]*[\w(["'-]|[\w)\]]\s+vs\.?\s+[\w(]/i;

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
