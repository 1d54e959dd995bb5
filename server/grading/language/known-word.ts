import { nlp } from "./nlp.js";

let probe: ReturnType<ReturnType<typeof nlp>["readDoc"]> | null = null;
const known = new Map<string, boolean>();

/**
 * Whether a word is in the English lexicon of the wink model the grader
 * already loads (~87,000 word forms, inflections included). A misspelling
 * ("religon", "speach") is not; a real word ("form", "casual") is, and is
 * then read as itself, never as a typo of another word.
 */
export function isKnownWord(word: string): boolean {
  const w = word.toLowerCase();
  let hit = known.get(w);
  if (hit === undefined) {
    probe ??= nlp().readDoc("");
    hit = !probe.isOOV(w);
    if (known.size > 50_000) known.clear();
    known.set(w, hit);
  }
  return hit;
}
