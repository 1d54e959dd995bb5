import { statedTotalRelations } from "../checks/stated-totals.js";
import type { Token } from "./analyse.js";

/** A sentence needs this many figures before it can be a run of them: fewer are a note ("cache 30%, batch 50%"). */
const MIN_FIGURES = 4;
/**
 * Relations a sentence of figures needs per figure. Measured on sentences of 4+ figures in the
 * built-in pack's exemplars, the honest corpus and the calibration answers (308 sentences): honest
 * ones hold at least 0.29 per figure (a latency breakdown "Latency p95: group resolution 30 ms,
 * query embedding 50 ms, ... → ~1.35 s, then streaming." is the lowest), worked estimates 0.4 and
 * more; figures and levers strung one after the other hold none.
 */
const MIN_RELATIONS_PER_FIGURE = 0.25;
/** Symbols that relate two quantities: an operator, a comparison or an arrow (a spaced "x" or minus too). */
const RELATING_SYMBOL = /[=×*+≈→⇒÷<>≤≥]|->|=>|~=|\s[x−–-]\s/g;
/**
 * Glue that relates what stands on either side of it: a preposition ("per request", "at $0.002/1k",
 * "to the cheap model"), a subordinator ("because", "if"), a pronoun or auxiliary of a clause
 * ("that's $800/day", "we need"). Not a coordinator: "and" and commas glue a list. Not a verb either:
 * the tagger reads a lever named before its figure ("quantise 4-bit", "routed 60%") as one.
 */
const RELATING_POS = new Set(["ADP", "SCONJ", "AUX", "PRON", "PART"]);
/** Adverbs and conjunctions that draw a consequence or compare: "so", "then", "vs". */
const RELATING_WORD = new Set(["so", "then", "thus", "hence", "therefore", "vs", "versus", "than"]);

const isFigure = (t: Token) => t.pos === "NUM" || /\d/.test(t.word);

/**
 * Whether a sentence is figures strung one after another ("10k users 20 req/day 2k tokens $0.002/1k
 * tokens $400/day cache 30% batch 50%"): four or more figures, and almost nothing in the sentence
 * relates them, only labels and units between them ("users", "req/day", "cache"). A worked estimate
 * relates its figures: an operator ("10k users × 20 requests = 200k"), a preposition ("at $0.002/1k",
 * "per request"), a clause ("that's $800/day", "so we need 53%"); a breakdown says what it adds up to
 * ("... → ~1.35 s"). A run of figures names values without the reasoning that makes them an estimate,
 * and states no more than a run of terms does. One pass over the sentence's tokens.
 */
export function figureRun(sentence: string, tokens: readonly Token[]): boolean {
  let figures = 0;
  let relations = 0;
  let previousFigure = false;
  for (const t of tokens) {
    const figure = isFigure(t);
    if (figure && !previousFigure) figures++;
    else if (!figure && (RELATING_POS.has(t.pos) || RELATING_WORD.has(t.word))) relations++;
    previousFigure = figure;
  }
  if (figures < MIN_FIGURES) return false;
  relations += (` ${sentence} `.match(RELATING_SYMBOL) ?? []).length;
  // A total stated beside the figures it adds up ("960M tokens ($960) and 120M tokens ($480): $1,440") relates them by
  // a sum, as an operator does (checks/stated-totals.ts).
  if (relations < MIN_RELATIONS_PER_FIGURE * figures) relations += statedTotalRelations(sentence);
  return relations < MIN_RELATIONS_PER_FIGURE * figures;
}
