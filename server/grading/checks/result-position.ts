import { inResultPosition, type StatedFigure } from "./figures.js";
import { totalsAt } from "./stated-totals.js";

/**
 * Whether a stated figure is a result (session 16, `template6`): marked so before it ("= $1,440", "comes to",
 * `inResultPosition`), marked so after it ("$1,440 to be exact", "$3,200 a month in all", "USD 144 in total"), or the
 * total of figures of its kind beside it ("$960 and $480, $1,440"; stated-totals.ts). Why: an outside audit's right
 * total said "to be exact" after it and earned no result, and a wrong total written without "=" or "total" before it
 * escaped the wrong-result cap; the same reading serves both, so a right answer and a wrong one are read alike.
 */
export function statedAsResult(text: string, figure: StatedFigure): boolean {
  if (inResultPosition(text, figure.at) || RESULT_BEFORE_MORE.test(text.slice(Math.max(0, figure.at - 24), figure.at))) return true;
  if (RESULT_AFTER.test(text.slice(figure.at + figure.text.length, figure.at + figure.text.length + 40))) return true;
  return totalsOf(text).has(figure.at);
}

/** Words before a figure that state it as what a working arrives at, beyond inResultPosition's: "works out at", "i.e.". */
const RESULT_BEFORE_MORE =
  /(?:\b(?:out|in) at|\bi\.?e\.?,?|\bmeaning|\bsumming to|\badding up to|\badds up to|\bin total,?|\baltogether,?|\boverall,?|\ball told,?|\ball in,?|\bin all,?)[\s~≈$]*$/i;
/**
 * Words after a figure (and its period) that mark it as the total or the exact result: "to be exact", "exactly",
 * "in total", "in all", "all in", "altogether", "overall", "combined", "all told".
 */
const RESULT_AFTER =
  /^(?:\s?(?:(?:a|an|per|each|every|\/)\s?(?:day|month|year|week|mo|yr|call|request))\b)?[\s,]*\(?(?:to be (?:exact|precise)|exactly|precisely|in total|in all|all in|all-in|all told|altogether|overall|combined|total\b|in sum)/i;

/** The totals of one text, kept for the last text read: a check reads every figure of one answer in turn. */
let last: { text: string; totals: Set<number> } = { text: "", totals: new Set() };
function totalsOf(text: string): Set<number> {
  if (last.text !== text) last = { text, totals: totalsAt(text) };
  return last.totals;
}
