/**
 * What a shuffle does to the marks around sentences and figures, read on the raw words (word-order.ts reads the order
 * of the word classes). Session 21 (branch `shuffle11`): the class reader missed shuffles of answers full of figures
 * (few function words, and "NUM NOUN" pairs arise as often by chance there as by design), of terse notes (under its 20
 * steps) and of half the sentences of an answer. A shuffle also moves what marks a sentence's edges, and what ties a
 * figure to its unit:
 * - a sentence opener ("The", "If", "We") lands inside a sentence, between two lower-case words;
 * - a word closing a sentence ("ms.", "tickets.") is followed by a lower-case word, and the text ends on an open word;
 * - a unit ("ms", "GB", "QPS", "GPUs", "%") no longer follows its figure ("400 ms" becomes "ms the 400").
 * Each alone happens in honest text (a student who writes no capitals after a full stop; units named without a figure),
 * so word-order.ts takes them together, or with a class order that is already poor.
 */

/** Words that open a sentence in English and are written in capitals only there ("I" and "A" name things too). */
const OPENERS = new Set(
  (
    "the this these that those it its we our they their there in on at for with by from to of and but so if when after " +
    "before then since because while each every all my you your he she his her is are was were what which how why once as an"
  ).split(" "),
);
/** Ends a word may carry where the next word may still start a sentence: punctuation, quotes, brackets, list marks. */
const EDGE = /[.!?:;"'()[\]—–\-|*>`]$/;
const LIST_MARK = /^(?:[-*•>|]|\d+[.)])$/;
/** Abbreviations whose full stop ends no sentence ("e.g. the", "etc. and"), and dotted words ("U.S."). */
const ABBREVIATION = /^(?:e\.g|i\.e|etc|vs|approx|incl|cf|ca|mr|dr|fig|resp)\.$|\.\w+\.$/i;
/** A unit a figure is given in. Letters alone ("B", "k", "x", "s") name things as often and are left out. */
const UNIT = /^(?:ms|sec|secs|seconds|mins?|minutes|hours|hrs|days|[KMGT]i?B|%|QPS|RPS|req\/s|tok\/s|tokens\/s|GPUs?|tokens|USD)[,.;:)]?$/;
const FIGURE = /^[~≈$(]?\d[\d,.]*[kKMB]?$/;

export type Marks = {
  /** Sentence openers between two lower-case words (or figures). */
  displacedOpeners: number;
  /** Words closing a sentence inside a line, and how many of them a lower-case word follows. */
  closers: number;
  brokenClosers: number;
  /** Whether the text's last word closes nothing (no full stop, bracket or quote). */
  endsOpen: boolean;
  /** Units, and how many stand by a figure. */
  units: number;
  unitsByFigure: number;
};

export function readMarks(text: string): Marks {
  const m: Marks = { displacedOpeners: 0, closers: 0, brokenClosers: 0, endsOpen: false, units: 0, unitsByFigure: 0 };
  for (const line of text.split("\n")) {
    const w = line.trim().split(/\s+/).filter(Boolean);
    for (let i = 0; i < w.length; i++) {
      const word = w[i]!;
      const prev = w[i - 1];
      const next = w[i + 1];
      const opener = /^([A-Z][a-z]+)[,.;:!?]?$/.exec(word);
      if (
        opener &&
        OPENERS.has(opener[1]!.toLowerCase()) &&
        prev &&
        !EDGE.test(prev) &&
        !LIST_MARK.test(prev) &&
        /^[a-z0-9$]/.test(prev) &&
        (!next || /^[a-z0-9$]/.test(next))
      )
        m.displacedOpeners++;
      if (next && /[a-z)%][.!?]$/i.test(word) && !ABBREVIATION.test(word) && !/^\d+[.)]$/.test(word)) {
        m.closers++;
        if (/^[a-z]/.test(next)) m.brokenClosers++;
      }
      if (prev && UNIT.test(word)) {
        m.units++;
        // "400 ms", "960M input tokens", "USD 96": a figure just before, two before, or just after.
        if ([prev, w[i - 2], next].some((x) => x !== undefined && FIGURE.test(x))) m.unitsByFigure++;
      }
    }
  }
  const last = text.trim().split(/\s+/).pop() ?? "";
  m.endsOpen = !!last && !/[.!?:)\]"'`*|]$/.test(last);
  return m;
}

/** A list item's line: its marker, or a table row's cells. */
const ITEM_MARK = /^\s*(?:[-*•+>]|\d+[.)])\s*/;
/** Small words no list item ends on ("- Golden set of"), where a shuffle leaves them as often as anywhere. */
const DANGLING = /^(?:the|a|an|of|to|in|on|for|with|by|from|at|and|or|but|is|are|was|were|than|as|into)$/i;

/**
 * Short list items (3-7 words, below what word-order.ts reads as sentences) and how many of them a shuffle marks by
 * ending on a small word ("- logs from real Golden set of"), where a shuffle leaves one as often as anywhere and an
 * honest item hardly ever does. (A capital inside an item opening in lower case marked a shuffle too, but an honest
 * list of tools, "- page on Slack", "- store traces in Postgres", has as many.)
 */
export function listItemMarks(text: string): { items: number; marked: number } {
  let items = 0;
  let marked = 0;
  for (const line of text.split("\n")) {
    const mark = ITEM_MARK.exec(line);
    if (!mark) continue;
    const w = line.slice(mark[0].length).trim().split(/\s+/).filter(Boolean);
    if (w.length < 3 || w.length >= 8) continue;
    items++;
    if (DANGLING.test(w[w.length - 1]!.replace(/[.,;:]$/, ""))) marked++;
  }
  return { items, marked };
}
