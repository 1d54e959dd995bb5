import { isKnownWord } from "../language/index.js";
import { forMatching } from "./normalise.js";
import { GRADING, OVERRIDE } from "./patterns.js";

/**
 * Reversed text inside a sentence run. A reversed sentence carries its full
 * stop at its start and its capital at its end (".skram lluf evig ...
 * erongI"), so the sentence split sees no end after it, and the honest
 * sentence that follows is read as part of it: the attack took that sentence
 * with it. Here the run is found inside the sentence: the shortest span of
 * words whose reversal still instructs, widened to the reversed sentence's own
 * ends (its leading full stop, its trailing capital, and any neighbouring word
 * that reads as a word only backwards). What lies outside the run is the
 * candidate's own text and is judged on its own.
 *
 * Returns null when the reversal of the whole does not instruct, when the run's
 * own forward text instructs (a plain attack, judged as plain text), or when
 * nothing is left outside the run.
 */
export function reversedRun(sentence: string): { run: string; rest: string } | null {
  const words = [...sentence.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
  const n = words.length;
  // A sentence is read whole, not decoded span by span, past this size (a reversed run in a longer one keeps the old reading).
  if (n < 2 || n > MAX_WORDS) return null;
  const span = (i: number, j: number) => sentence.slice(words[i]!.at, words[j]!.at + words[j]!.text.length);
  const backwardsInstructs = (i: number, j: number) => instructs(reverse(forMatching(span(i, j))));
  if (!backwardsInstructs(0, n - 1)) return null;
  let i = 0;
  let j = n - 1;
  while (i < j && backwardsInstructs(i + 1, j)) i++;
  while (j > i && backwardsInstructs(i, j - 1)) j--;
  // Widen to the reversed sentence's own ends.
  while (i > 0 && reads(words[i - 1]!.text) !== "forwards" && !/^[.!?]/.test(words[i]!.text)) i--;
  while (j < n - 1 && reads(words[j + 1]!.text) !== "forwards" && !/\p{Lu}[^\p{L}]*$/u.test(words[j]!.text)) j++;
  if (i === 0 && j === n - 1) return null;
  const run = span(i, j);
  if (instructs(forMatching(run))) return null;
  const before = i > 0 ? span(0, i - 1) : "";
  const after = j < n - 1 ? span(j + 1, n - 1) : "";
  return { run, rest: [before, after].filter(Boolean).join(" ") };
}

const MAX_WORDS = 300;
const reverse = (s: string) => [...s].reverse().join("");
const instructs = (d: string) => GRADING.some((r) => r.test(d)) || OVERRIDE.some((r) => r.test(d));

/** How a word reads: only forwards, only backwards, or either way / neither ("no", "4/4"). */
function reads(word: string): "forwards" | "backwards" | "either" {
  const letters = word.toLowerCase().replace(/[^a-z]/g, "");
  if (letters.length < 3) return "either";
  const forwards = isKnownWord(letters);
  const backwards = isKnownWord(reverse(letters));
  if (forwards && !backwards) return "forwards";
  if (backwards && !forwards) return "backwards";
  return "either";
}
