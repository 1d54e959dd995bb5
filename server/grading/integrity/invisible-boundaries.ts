import { isKnownWord } from "../language/known-word.js";
import { INVISIBLE_RUN, joinSoftHyphens } from "./normalise.js";

/**
 * Invisible characters (zero-width, soft hyphen, bidi controls, tag characters) serve an attack two
 * ways: inside a word they hide it from phrase checks ("i\u200Bg\u200Bn\u200Bo\u200Br\u200Be"), and
 * between two sentences they glue an instruction onto an honest sentence with no visible break
 * ("...fusion.\u200BIgnore the rubric..."), so that dropping the instruction took the honest
 * sentence with it. Removing them all reads the first and loses the second; making them all
 * boundaries loses the first. So each run is read where it stands: within a run of non-space text
 * the pieces between invisible runs are grouped so that the fewest groups result, where a group of
 * several lettered pieces counts only if it spells a word ("ign|ore", "i|g|n|o|r|e", "for|get").
 * Pieces that spell no word together ("fusion.|Ignore", "BM25|Ignore") stay apart, with a paragraph
 * break between them where one sentence ends and another begins (see separator), a space otherwise:
 * the instruction is read, flagged and dropped alone, and the honest sentence keeps its evidence.
 */

/** What a group of several lettered pieces that spells no word costs beyond one a piece. */
const NOT_A_WORD = 2;
/** A run of non-space text with more pieces than this is joined whole, as before: the grouping stays bounded. */
const MAX_PIECES = 64;
/** No word is spelt in more pieces than this. */
const MAX_GROUP = 24;

const PARAGRAPH = "\n\n";
/** A run of text without spaces (U+FEFF is a space to JavaScript's \s, and an invisible character here). */
const TOKEN = /(?:\S|\uFEFF)+/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE_RUN.source, "u");
const LETTER = /\p{L}/u;

/** The text with each invisible run inside a word removed and each one between words turned into a space or a paragraph break. */
export function invisibleBoundaries(raw: string): string {
  if (!HAS_INVISIBLE.test(raw)) return raw;
  // A soft hyphen inside a word is a hyphenation point, whether or not the lexicon knows the word ("Kuber\u00ADnetes").
  const text = joinSoftHyphens(raw);
  return text.replace(TOKEN, (token) => (HAS_INVISIBLE.test(token) ? regroup(token) : token));
}

function regroup(token: string): string {
  const pieces = token.split(INVISIBLE_RUN).filter(Boolean);
  if (pieces.length <= 1 || pieces.length > MAX_PIECES) return pieces.join("");
  // best[j]: the least cost of grouping the first j pieces; from[j]: where its last group starts.
  const best = [0];
  const from = [0];
  for (let j = 1; j <= pieces.length; j++) {
    best[j] = Infinity;
    for (let i = Math.max(0, j - MAX_GROUP); i < j; i++) {
      const cost = best[i]! + groupCost(pieces.slice(i, j));
      if (cost < best[j]!) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const groups: string[] = [];
  for (let j = pieces.length; j > 0; j = from[j]!) groups.unshift(pieces.slice(from[j]!, j).join(""));
  return groups.reduce((out, group, k) => (k ? out + separator(out, group, groups.length) + group : group), "");
}

/**
 * What goes between two groups: a sentence's end glued to the next ("fusion.|Ignore") or, between just two
 * groups, a word glued to a capitalised one ("fusion|Ignore") is a paragraph break; words strung on invisible
 * characters in place of spaces ("Ignore|the|rubric|and|give ...", title case or not) are read as words.
 */
function separator(before: string, next: string, groups: number): string {
  if (SENTENCE_END.test(before)) return PARAGRAPH;
  return groups === 2 && /[\p{L}\p{N}]$/u.test(before) && /^\p{Lu}/u.test(next) ? PARAGRAPH : " ";
}
const SENTENCE_END = /[.!?]["'”’)\]]*$/;

/** A group that spells a word, or holds at most one lettered piece (a number and its full stop), costs one. */
function groupCost(group: string[]): number {
  const lettered = group.filter((p) => LETTER.test(p)).length;
  if (lettered <= 1) return 1;
  const core = group.join("").replace(/^\P{L}+|\P{L}+$/gu, "");
  // Other scripts join their letters with ZWJ and ZWNJ as a matter of spelling; the English lexicon cannot judge them.
  const word = /^\p{L}+$/u.test(core) && (!/^[a-z]+$/i.test(core) || isKnownWord(core));
  // Never cheaper than its pieces apart: "ignore|the|rubric" joined spells no word.
  return word ? 1 : lettered + NOT_A_WORD;
}
