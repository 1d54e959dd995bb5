import { isKnownWord } from "./known-word.js";
import { sensesOf, synset } from "./wordnet.js";
import { WIDENING } from "./word-family.js";

/**
 * The words that assert the other value of a word: "synchronous" for "asynchronous", "private" for "public",
 * "stateful" for "stateless", "unscoped" for "scoped". Where antonyms.ts asks what a *denial* leaves (only a
 * complement with no middle ground), this asks what an *assertion* contradicts: "the call is slow" contradicts
 * "the call is fast" though "not fast" is not "slow". So gradable words keep their opposites here.
 *
 * Two sources, both general English, none listed by hand:
 * - WordNet's direct antonyms of adjectives, kept where each is the other's antonym; an adverb in -ly is read
 *   as its adjective ("asynchronously"), and its opposite is looked for in both forms;
 * - the privative forms of a word: un-, non-, non- with a hyphen ("scoped" / "unscoped", "blocking" /
 *   "non-blocking"), and -less against -ful ("stateless" / "stateful"). They only ever match a word an answer
 *   writes, so a form that is no English word ("wireful") costs nothing.
 * "Other" is left out: it is the antonym of "same" in one sense, and in an answer nearly always a determiner
 * ("the other terminal"), which asserts no difference.
 * Worked out once per word, when a key point is first read.
 */
export function oppositeWords(word: string): ReadonlySet<string> {
  if (!WIDENING.derivations) return NOTHING;
  const w = word.toLowerCase();
  let out = cache.get(w);
  if (!out) cache.set(w, (out = build(w)));
  return out;
}
const cache = new Map<string, ReadonlySet<string>>();
const NOTHING: ReadonlySet<string> = new Set();
const LEFT_OUT = new Set(["other"]);

function build(word: string): ReadonlySet<string> {
  if (!/^[a-z][a-z-]{2,}$/.test(word)) return NOTHING;
  const adjective = adjectiveOf(word);
  const out = new Set<string>();
  for (const other of [...antonyms(adjective), ...privative(adjective)]) {
    if (LEFT_OUT.has(other) || other === adjective) continue;
    out.add(other);
    for (const adverb of adverbsOf(other)) out.add(adverb);
  }
  return out;
}

/** A word's adjective and adverb spellings ("asynchronously": asynchronous, asynchronously): what says that value in an answer. */
export function valueForms(word: string): string[] {
  const adjective = adjectiveOf(word.toLowerCase());
  return [...new Set([word.toLowerCase(), adjective, ...adverbsOf(adjective)])];
}

/** "asynchronously" -> "asynchronous", "automatically" -> "automatic", "easily" -> "easy"; any other word as it is. */
function adjectiveOf(word: string): string {
  if (!word.endsWith("ly") || isAdjective(word)) return word;
  for (const candidate of [word.replace(/ally$/, ""), word.replace(/ily$/, "y"), word.replace(/ly$/, ""), word.replace(/ly$/, "le")])
    if (candidate !== word && isAdjective(candidate)) return candidate;
  return word;
}

function adverbsOf(adjective: string): string[] {
  if (adjective.endsWith("ic")) return [`${adjective}ally`];
  if (/[^aeiou]y$/.test(adjective)) return [`${adjective.slice(0, -1)}ily`];
  if (adjective.endsWith("le")) return [`${adjective.slice(0, -1)}y`];
  return [`${adjective}ly`];
}

const adjectives = new Map<string, boolean>();
function isAdjective(word: string): boolean {
  let is = adjectives.get(word);
  if (is === undefined) adjectives.set(word, (is = sensesOf(word).some((s) => s.pos === "adj")));
  return is;
}

/**
 * WordNet's direct antonyms of the adjective, where the other word names this one among its own. A word with a
 * sense that has a range of opposites ("positive": negative, neutral; "right": left, center) names one of several
 * kinds (a positive terminal, a negative one) rather than one of two values: it has none here.
 */
function antonyms(adjective: string): string[] {
  const { all, range } = direct(adjective);
  if (range) return [];
  return [...all].filter((other) => !direct(other).range && direct(other).all.has(adjective));
}

const directCache = new Map<string, { all: Set<string>; range: boolean }>();
function direct(adjective: string): { all: Set<string>; range: boolean } {
  let out = directCache.get(adjective);
  if (out) return out;
  out = { all: new Set<string>(), range: false };
  if (/^[a-z]{3,}$/.test(adjective)) {
    for (const { pos, offsets } of sensesOf(adjective)) {
      if (pos !== "adj") continue;
      for (const offset of offsets) {
        const s = synset(pos, offset);
        const me = s.words.indexOf(adjective) + 1;
        const here = s.pointers
          .filter((p) => p.symbol === "!" && p.source === me)
          .map((p) => synset(p.pos, p.offset).words[p.target - 1])
          .filter((w): w is string => !!w && /^[a-z]+$/.test(w));
        if (here.length > 1) out.range = true;
        for (const w of here) out.all.add(w);
      }
    }
  }
  directCache.set(adjective, out);
  return out;
}

/** The word with its privative prefix or suffix turned round: "scoped" <-> "unscoped" / "non-scoped", "stateless" <-> "stateful". */
function privative(word: string): string[] {
  const out: string[] = [];
  // A word that only looks prefixed ("united", "unique", "under") leaves no English word when the prefix is taken off.
  const bare = /^non-(.{3,})$/.exec(word)?.[1] ?? /^(?:un|non)([a-z]{3,})$/.exec(word)?.[1];
  if (bare && isKnownWord(bare)) out.push(bare);
  else out.push(`un${word}`, `non${word}`, `non-${word}`);
  if (/^[a-z]{3,}less$/.test(word)) out.push(`${word.slice(0, -4)}ful`);
  if (/^[a-z]{3,}ful$/.test(word)) out.push(`${word.slice(0, -3)}less`);
  return out;
}
