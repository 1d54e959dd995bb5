import { relatesBySymbol } from "./terse-note.js";

/** A list marker opening a line ("- ", "* ", "1. ", "2) "): its figure counts nothing. */
const MARKER = /^\s*(?:[-*•·]|\d+[.)])\s+/;
/** A figure standing on its own ("200 emails", "≥ 53%", "$0.002"), not one written onto a word ("recall@5", "gpt-4"). */
const FIGURE = /(?<![\w@.-])[$~≈≥≤<>]?\d/;
/** A name written as code: "order_id", "orderId", "{{today}}", "values()". */
const IDENTIFIER = /\{\{[^}]+\}\}|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]+\b|\b\w+\(\)/;
/** A quotation: what the prompt or the model says, in its own words. */
const QUOTED = /["“][^"”\n]{4,}["”]/;
/** "x + y": two sides joined in a note ("recall@5 + faithfulness", "pydantic + 1 retry"). */
const JOIN = /[\w)\]]\s*\+\s*[\w(]/;
/** The words of a line, for telling a symbol between rubric terms from one relating something else. */
const WORDS = /[a-z][a-z-]+/gi;

/**
 * Whether a line of a note relates what it names: a figure of its own, a name written as code, a quotation, or a
 * relating symbol ("no schema → orderId drift", "unknown → other", "keys + types") with a word besides the rubric's
 * terms on the line. A keyword list names; a note says how much, which field, what leads to what.
 */
export function relatingLine(line: string, isTerm: (word: string) => boolean): boolean {
  const text = line.replace(MARKER, "");
  if (FIGURE.test(text) || IDENTIFIER.test(text) || QUOTED.test(text)) return true;
  if (!relatesBySymbol(text) && !JOIN.test(text)) return false;
  return (text.match(WORDS) ?? []).some((w) => w.length > 3 && !isTerm(w.toLowerCase()));
}

/** At least this many lines, and this share of them, must relate what they name. */
const MIN_LINES = 2;
const RELATING_SHARE = 0.5;

/**
 * Terse notes, one point a line, most lines relating what they name (`relatingLine`): "- no schema → orderId/order_id
 * drift, invented fields / - fix: keys + types, null if missing, json_schema response_format, pydantic + 1 retry /
 * - eval: 200 labelled emails, parse rate, field accuracy, CI". Dense in the rubric's words and short of function
 * words, they read to the word counters as a keyword list; what a keyword list never has is a figure, a field name
 * or an arrow on every other line. A single line is left to the line readers.
 */
export function relatingNotes(block: string, isTerm: (word: string) => boolean): boolean {
  const lines = block.split("\n").filter((l) => /\w/.test(l));
  if (lines.length < MIN_LINES) return false;
  return lines.filter((l) => relatingLine(l, isTerm)).length >= Math.max(MIN_LINES, RELATING_SHARE * lines.length);
}
