import type { Token } from "./analyse.js";

/**
 * Words that say a change of amount, and its direction: "grows", "rises", "balloons" and "piles up" all say
 * "increase"; "shrinks", "is reduced", "goes down" and "gets smaller" all say "decrease". A reader takes any
 * of them for a key point written with another ("costs pile up" for "cost growth", "the diameter shrinks by
 * a factor of 10" for "decreases by a factor of 10"); WordNet does not link them (its troponyms of
 * "decrease" include "slow", of "increase" "inflate" beside "double"), so this is a closed list, like the
 * negators, of the general English words for "more of it over time" and "less of it over time".
 *
 * Left out, because they name other acts as often as a change of amount: "raise" (an exception), "drop" and
 * "cut" (a request, the text into chunks), "fall" (back), "decline" (a request), "lower" and "double" (also
 * adjectives: "lower layers", "double quotes"), "expand" (a query), "divide" (into parts).
 */
const UP = ["increase", "grow", "growth", "rise", "climb", "soar", "surge", "balloon", "escalate", "skyrocket", "accumulate", "inflate"];
const DOWN = ["decrease", "reduce", "reduction", "shrink", "shrinkage", "diminish", "lessen", "dwindle", "plummet", "shorten"];

/** +1 for a word of growth, -1 for one of decline, 0 for neither. */
export type Direction = 1 | -1 | 0;
const DIRECTION = new Map<string, 1 | -1>([...UP.map((w) => [w, 1] as const), ...DOWN.map((w) => [w, -1] as const)]);

export function changeDirection(lemma: string): Direction {
  return DIRECTION.get(lemma) ?? 0;
}

/** The other single words of a change word's direction ("grow", "rise", ... for "increase"); none for any other word. */
export function sameDirectionWords(lemma: string): readonly string[] {
  const d = changeDirection(lemma);
  return d === 0 ? [] : (d === 1 ? UP : DOWN).filter((w) => w !== lemma);
}

/**
 * Two-word changes: a verb with its particle ("go up", "pile up", "come down") and a verb of becoming with a
 * comparative of amount ("gets smaller", "become larger", "grows longer"; a degree word may stand between:
 * "gets much bigger"). Particle verbs are the ones whose "up" / "down" is the amount's ("set up", "look up",
 * "break down", "shut down" are other acts; so are "add up", "blow up", "stack up", "push down").
 */
const UP_VERBS = new Set(["go", "shoot", "pile", "rack", "ramp", "creep", "climb"]);
const DOWN_VERBS = new Set(["go", "come", "bring", "drive", "cut"]);
const BECOME = new Set(["get", "become", "grow", "turn"]);
const MORE = new Set(["bigger", "larger", "greater", "higher", "longer", "more"]);
const LESS = new Set(["smaller", "lower", "shorter", "less", "fewer"]);
const DEGREE = new Set(["much", "far", "way", "even", "ever", "a", "lot", "bit", "little", "slightly", "significantly"]);

/**
 * Whether a change phrase in `direction` opens at token `i` (in one sentence), and how many tokens it takes; 0
 * where none does. Bounded: at most four tokens are read.
 */
export function changePhraseAt(tokens: readonly Pick<Token, "word" | "lemma" | "sentence">[], i: number, direction: Direction): number {
  if (direction === 0) return 0;
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || !next || next.sentence !== t.sentence) return 0;
  if (next.word === (direction === 1 ? "up" : "down") && verbIn(direction === 1 ? UP_VERBS : DOWN_VERBS, t)) return 2;
  if (!verbIn(BECOME, t)) return 0;
  const wanted = direction === 1 ? MORE : LESS;
  for (let k = i + 1; k < i + 4 && k < tokens.length; k++) {
    const w = tokens[k]!;
    if (w.sentence !== t.sentence) return 0;
    // "gets more expensive" is a change of price, not of amount: "more" counts only as the last word of the phrase.
    if (wanted.has(w.word)) return w.word === "more" || w.word === "less" ? (endsPhrase(tokens, k) ? k - i + 1 : 0) : k - i + 1;
    if (!DEGREE.has(w.word)) return 0;
  }
  return 0;
}

/** The tagger leaves some forms as their own lemma ("going" read as an adjective): the plain suffixes are read off too. */
function verbIn(verbs: ReadonlySet<string>, t: Pick<Token, "word" | "lemma">): boolean {
  if (verbs.has(t.lemma) || verbs.has(t.word)) return true;
  const stem = /^([a-z]+?)(?:ing|s)$/.exec(t.word)?.[1];
  return stem !== undefined && (verbs.has(stem) || verbs.has(`${stem}e`) || verbs.has(stem.replace(/(.)\1$/, "$1")));
}

/** "more" / "less" close the phrase ("keeps getting more", "gets less and less"), not qualify a following word. */
function endsPhrase(tokens: readonly Pick<Token, "word" | "sentence">[], k: number): boolean {
  const after = tokens[k + 1];
  return !after || after.sentence !== tokens[k]!.sentence || after.word === "and" || !/^[a-z]/.test(after.word);
}

/** Whether a word is a comparative of amount in `direction` ("higher", "more" for growth; "lower", "fewer" for decline). */
export function comparativeOf(word: string, direction: Direction): boolean {
  return direction !== 0 && (direction === 1 ? MORE : LESS).has(word);
}
