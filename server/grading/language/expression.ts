/**
 * Whether a term found in a text is only part of a larger expression there,
 * one that gives it another value: "log n" inside "O(n log n)" or
 * "O(log log n)", "O(n" inside "O(n^2)", "TP/(TP+FP)" inside
 * "TP/(TP+FP+FN)", "10" inside "100" or "0.10". A formula's parts are not the
 * formula, so such a match is not the term.
 *
 * The rule: a match is extended when a token adjacent to it belongs to the
 * same expression, that is
 * - an arithmetic operator touches it on either side ("+", "*", "^", "×",
 *   "÷", "−", and "/" before a bracket or a digit) with a mathematical operand
 *   beyond it (a number, a bracket, a symbol of up to three letters), or a
 *   superscript follows;
 * - a number goes on across it ("1.5" around "5", "100" after "10");
 * - in a mathematical term (one that opens with a function such as "log" or
 *   ends with a single-letter variable), the word next to it is a factor of the
 *   same product: a variable, a number, a closing bracket or another function
 *   ("n log n", "log log n", "log n n").
 * Ordinary prose around a term is no operand: "log n time", "in O(log n).",
 * "a log n search" and "(log n)" keep their match. A slash between words
 * ("client/server", "TCP/IP") is prose too.
 */
const SUPERSCRIPT = /[²³¹⁰-⁹ⁿ]/;
const FUNCTIONS = new Set(["log", "ln", "lg", "sqrt", "exp"]);
/** Single letters that are words, not variables. */
const LETTER_WORDS = new Set(["a", "i"]);

const isVariable = (w: string) => /^[a-z]$/.test(w) && !LETTER_WORDS.has(w);
const isFactor = (w: string) => isVariable(w) || /^\d+(?:[.,]\d+)?$/.test(w) || FUNCTIONS.has(w);

/**
 * A term read as mathematics: it opens with a function or a variable ("log n"), or ends with a
 * variable ("O(n") or holds an operator ("n^2").
 */
function mathematical(term: string): { opens: boolean; ends: boolean } {
  const words = term.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  // A lone letter is a unit or an abbreviation as often as a variable ("300 m"): only in a longer term is it one.
  const opens = FUNCTIONS.has(words[0] ?? "") || (words.length > 1 && isVariable(words[0] ?? ""));
  return { opens, ends: (words.length > 1 && isVariable(words.at(-1) ?? "")) || /[\^*+/]/.test(term) };
}

/** Whether the match of `term` at [start, end) of `text` is part of a larger expression. */
export function extendsExpression(text: string, start: number, end: number, term: string): boolean {
  const lower = lowerCased(text);
  const before = lower.slice(Math.max(0, start - 24), start);
  const after = lower.slice(end, end + 24);
  const first = lower[start] ?? "";
  const last = lower[end - 1] ?? "";
  // An operator right beside the match, with or without spaces, whose other operand is mathematical
  // (a number, a bracket, a short symbol such as "n" or "FN"): "capitalism + command" is prose for "and".
  if (/(?:^|[^a-z])(?:[a-z]{1,3}|[\d)]+)\s*[+*^×÷−·]\s*$/.test(before)) return true;
  if (/^\s*[+*^×÷−·]\s*(?:[a-z]{1,3}(?![a-z])|[\d(])/.test(after)) return true;
  if (SUPERSCRIPT.test(after[0] ?? "")) return true;
  // A division: "/" before a bracket or a digit ("TP/(TP+FN)", "1/2"), not a slash between words.
  if (/\/\s*$/.test(before) && /[a-z0-9)]\s*\/\s*$/.test(before) && /[(\d]/.test(first)) return true;
  if (/^\s*\/\s*[(\d]/.test(after)) return true;
  // A number that goes on across the match: "1.5" around "5", "100" after "10", "10.5", "1,000".
  if (/\d/.test(first) && /\d[.,]$/.test(before)) return true;
  if (/\d/.test(last) && (/^\d/.test(after) || /^[.,]\d/.test(after))) return true;
  // Juxtaposed factors of a product, in a mathematical term only.
  const math = mathematical(term);
  const left = /(?:^|[\s(])([a-z]+|\d+(?:[.,]\d+)?|\))\s+$/.exec(before)?.[1];
  if (math.opens && left !== undefined && (left === ")" || isFactor(left))) return true;
  const right = /^\s+([a-z]+|\d+(?:[.,]\d+)?|\()/.exec(after)?.[1];
  if (math.ends && right !== undefined && (right === "(" || isFactor(right))) return true;
  return false;
}

/**
 * Every match of every term in an answer asks about the same text: lower-case it once, not once per match
 * (a 20,000-character answer has thousands of matches).
 */
let lastText = "";
let lastLower = "";
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}
