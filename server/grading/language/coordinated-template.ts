import type { Token } from "./analyse.js";
import { itemsBetween } from "./cut-items.js";
import { FRAME_GLUE } from "./glue.js";

const PREDICATE = new Set(["VERB", "AUX"]);
/** Words a frame is read without (as in claims.ts), with adverbs of degree: "really drives" is "drives". */
const GLUE = FRAME_GLUE;
/** This many clauses of one sentence with one frame are a template, as that many sentences are. */
const REPEATS = 3;

/**
 * A frame repeated across the clauses of one sentence: "In my experience, X
 * really drives Y, and Z really drives W, and U really drives V". Each clause
 * swaps in terms around the same predicate, so the sentence says one thing
 * about nothing in particular. Only clauses with a verb of their own and a term
 * count: a list inside a clause ("we use caching, batching and quantization")
 * has no frame per item, and a comparison that says something different of
 * each side ("A is faster, B is cheaper") has a different frame in each.
 */
export function templatedClauses(sentence: string, tokens: Token[], sentenceStart: number, isTerm: (word: string) => boolean): boolean {
  const cuts = [...sentence.matchAll(/[,;:]/g)].map((m) => sentenceStart + m.index);
  const bounds = [sentenceStart, ...cuts, Infinity];
  const clauses: Token[][] = [];
  // (An empty stretch between two marks holds no clause to count.)
  itemsBetween(tokens, bounds).forEach((stretch) => {
    let clause: Token[] = [];
    for (const t of stretch) {
      // "and"/"or" also join clauses: "X drives Y and Z drives W".
      if (t.pos === "CCONJ") {
        clauses.push(clause);
        clause = [];
      } else clause.push(t);
    }
    clauses.push(clause);
  });
  const counts = new Map<string, number>();
  for (const clause of clauses) {
    const term = (t: Token) => isTerm(t.word) || isTerm(t.lemma);
    if (!clause.some(term) || !clause.some((t) => PREDICATE.has(t.pos) && !term(t))) continue;
    const frame = clause
      .filter((t) => !term(t) && !GLUE.has(t.pos) && t.pos !== "ADV")
      .map((t) => t.lemma)
      .join(" ");
    if (!frame) continue;
    const n = (counts.get(frame) ?? 0) + 1;
    if (n >= REPEATS) return true;
    counts.set(frame, n);
  }
  return false;
}
