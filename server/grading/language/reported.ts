import type { Analysis, Token } from "./analyse.js";

/** Modal auxiliaries: a verb group they open speaks of what would or will happen, not of what did. */
const MODAL = new Set(["would", "'d", "’d", "will", "'ll", "’ll", "could", "might", "should", "shall", "wo"]);
const PAST_AUX = new Set(["was", "were", "had", "did", "'d", "’d"]);

/** A verb in the past tense or a past participle ("fell", "spent", "had"), not a present "-s" or "-ing" form. */
export function past(t: Token): boolean {
  if (t.pos === "AUX") return PAST_AUX.has(t.word);
  if (t.pos !== "VERB" || t.word.endsWith("ing")) return false;
  // A word the lemmatiser does not know keeps its form ("re-scraped"): a regular past still shows in "-ed".
  if (t.word === t.lemma) return /[a-z]ed$/.test(t.word);
  return ![`${t.lemma}s`, `${t.lemma}es`, `${t.lemma.replace(/y$/, "")}ies`].includes(t.word);
}

/**
 * Whether a sentence tells a plan or a supposition rather than what happened: it opens with a
 * condition ("If you choose two, the pilot runs four weeks"), or a modal comes before any verb in
 * the past ("I'd present the results", "Before we look, I'd propose a rule", "That will cut the
 * bill to $6k"). A story's result is something that happened; a plan for a hypothetical ("talk
 * me through how you would handle this") has no result yet, however many figures it works
 * through. A past verb first reports: "Errors fell to zero, which would have cost us a customer".
 */
export function hypothetical(a: Analysis, sentence: number): boolean {
  const s = a.sentences[sentence];
  if (!s) return false;
  const first = a.tokens[s.from];
  if (first && (first.word === "if" || first.word === "unless")) return true;
  for (let i = s.from; i < s.to; i++) {
    const t = a.tokens[i]!;
    if (t.pos !== "AUX" && t.pos !== "VERB") continue;
    // "I'd spent a week on it" is "I had": a participle after "'d" reports the past.
    const next = a.tokens[i + 1];
    if (/^['’]d$/.test(t.word)) return !(next && next.pos !== "ADV" && next.word !== next.lemma);
    if (MODAL.has(t.word)) return true;
    if (past(t)) return false;
  }
  return false;
}

/** The sentences of a text that report rather than suppose (see hypothetical), joined by spaces. */
export function reportedText(a: Analysis): string {
  return a.sentences
    .filter((_, i) => !hypothetical(a, i))
    .map((s) => s.text)
    .join(" ");
}
