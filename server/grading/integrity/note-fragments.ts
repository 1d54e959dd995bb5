import type { Question } from "../../scenarios/index.js";
import { analyse, isKnownWord } from "../language/index.js";
import { relatesBySymbol } from "../language/terse-note.js";
import { isRubricWord } from "./label-dump.js";

/**
 * Terse notes ("cache key = normalised prompt + model id + doc version; TTL 24h; invalidate on doc edit; skip
 * per-user questions") drop the function words a word counter looks for, so the keyword-bag test (isWordSalad in
 * clean.ts) set whole paragraphs of them aside: outside audit 10 zeroed 3 of 14 correct note answers that way. A
 * note's fragments each carry something a keyword bag does not: a value, a relation (a symbol, "per", "on",
 * "instead of", "when"), a verb applied to a thing ("invalidate on edit", "cached per tenant"), or a specific name
 * the rubric does not use ("Luhn", "pgvector"). A bag is the rubric's names alone, however punctuated.
 *
 * This only keeps such a paragraph for the sentence readers (claims.ts): each of its sentences must still make a
 * claim there, so a fragment run that carries nothing of its own still earns nothing.
 */

/** Fewer fragments than this are too few to tell a note from a phrase. */
const MIN_FRAGMENTS = 3;
/** At least this share of the fragments carry something of their own. */
const CARRYING_SHARE = 0.5;
/** Words that relate one thing to another inside a fragment. */
const RELATING = new Set(
  "per over on via by before after until unless instead than because since so when if only never not no without into from within under".split(
    " ",
  ),
);

/** Whether one fragment carries something of its own: a figure, a relating symbol or word, a verb, a specific name. */
function carries(fragment: string, q: Question): boolean {
  if (statesValue(fragment, q) || relatesBySymbol(fragment) || /[\w)\]]\s*\+\s*[\w(]/.test(fragment)) return true;
  const tokens = analyse(fragment).tokens;
  return tokens.some((t, i) => {
    const w = t.word.toLowerCase();
    // A relating word between two words ("skip per-user questions", "invalidate on doc edit"), not a fragment's edge.
    if (RELATING.has(w)) return i > 0 && i < tokens.length - 1;
    if (!/^[a-z][a-z-]+$/.test(w)) return false;
    if (isRubricWord(q, w)) return false;
    // A verb or participle the rubric does not name ("cached", "purge", "redact"), or a name no dictionary knows.
    return t.pos === "VERB" || !isKnownWord(w);
  });
}

/**
 * Whether a fragment's figure is a value (session 17, `gaming7`): written with a unit, a sign or a decimal ("24h",
 * "$400", "0.95", "5%", "1.2M"), counting a thing the rubric does not name ("300 questions", "5 errors"), or set by a
 * word of measure ("top 20", "after 5", "at most 3"). A bare whole number after the rubric's names ("Comment cap 4",
 * "Lockfiles 1", "retries 3") carries nothing: a review found salads of names and digits passed as notes because any
 * digit counted.
 */
function statesValue(fragment: string, q: Question): boolean {
  const words = fragment.split(/\s+/).filter(Boolean);
  return words.some((w, i) => {
    if (!/\d/.test(w)) return false;
    if (!/^\d+[,.]?$/.test(w)) return true;
    const next = words[i + 1]?.toLowerCase().replace(/[^a-z-]/g, "");
    const prev = words[i - 1]?.toLowerCase().replace(/[^a-z]/g, "");
    return (!!next && !isRubricWord(q, next) && !RELATING.has(next)) || (!!prev && (MEASURE.has(prev) || RELATING.has(prev)));
  });
}
/** Words that set a figure as a measure: "top 20", "at most 3", "max 5", "x 4". */
const MEASURE = new Set("top max min most least at up to every within under over above below around about x".split(" "));

/** Whether a paragraph is a run of note fragments, most of which carry something of their own. */
export function carryingNote(block: string, q: Question): boolean {
  const fragments = block
    .split(/[;\n]+|[.!?](?:\s+|$)/)
    .map((f) => f.replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, "").trim())
    .filter((f) => /[a-z]/i.test(f));
  if (fragments.length < MIN_FRAGMENTS) return false;
  const carrying = fragments.filter((f) => carries(f, q)).length;
  return carrying >= CARRYING_SHARE * fragments.length;
}

/**
 * How many figures a block states as values, for the word-salad test's exemption of arithmetic (clean.ts,
 * `isWordSalad`): a figure with a unit, sign, decimal or separator ("$400", "24h", "0.95", "1,200", "5%"), or one in
 * arithmetic ("500 × 3 = 1500"). A bare whole number beside a name ("failover 2 retries 3") is no arithmetic, and
 * counting it let salads of names and digits pass as figures (session 17).
 */
export function valueFigures(block: string): number {
  let n = 0;
  for (const written of block.split(FIGURE_ITEM_BREAK)) {
    // A list marker ("- 1350") is no minus sign, and a figure alone in its item ("- 2.1m", "3,000,000, 1,350")
    // says what nothing is: a list of bare figures is the figures a grader might match, not arithmetic (outside
    // audit 15, session 18: a bulleted list of the rubric's terms and bare figures scored 100 unflagged).
    const item = written.replace(LIST_MARKER, "");
    if (!labelled(item)) continue;
    for (const m of item.matchAll(FIGURE_WORD)) {
      const [, before, figure, unit] = m;
      const after = item.slice(m.index + m[0].length).trimStart()[0] ?? "";
      if (
        before ||
        unit ||
        /[,.]\d/.test(figure!) ||
        ARITHMETIC.test(after) ||
        ARITHMETIC.test(item.slice(0, m.index).trimEnd().at(-1) ?? "")
      )
        n++;
    }
  }
  return n;
}
/** Items of a list: lines, or the parts between semicolons or commas that a space follows (not "3,000,000"). */
/** Words that are part of a figure ("2.1 million"), not what it counts. */
const NUMBER_WORDS = new Set(["thousand", "million", "millions", "billion", "billions", "trillion", "mn", "bn"]);
const FIGURE_ITEM_BREAK = /\n|;|,\s+/;
const LIST_MARKER = /^\s*(?:[-*•·]|\d+[.)])\s+/;
/**
 * Whether an item holds a figure with something that says what it is: a word beside it ("10M tokens", "TTL 24h",
 * "2.1 million"), or arithmetic between two figures ("50000 x 200 = 10000000"). A unit glued to the figure ("2.1m")
 * does not say what was counted.
 */
export function labelled(item: string): boolean {
  const words = (item.replace(FIGURE_WORD, " ").match(/[a-z]{2,}/gi) ?? []).filter((w) => !NUMBER_WORDS.has(w.toLowerCase()));
  if (words.length) return true;
  return (item.match(FIGURE_WORD) ?? []).length >= 2 && /\d\s*[=×*+/≈-]\s*[$€£~≈]?\d/.test(item);
}
const FIGURE_WORD = /(?<=^|[\s(=×*+~≈])([$€£~≈]?)(\d(?:[\d,.]*\d)?)(%|k|m|b|ms|s|h|x)?(?=[\s,.;:)]|$)/gi;
const ARITHMETIC = /[=×*+/≈~-]/;
