import type { Question } from "../scenarios/index.js";
import { analyse, questionTerms } from "./language/index.js";
import { expectsShortAnswer } from "./language/short-answer-item.js";
import { relatingItems, specificWeight } from "./language/specific-weight.js";
import { listOfItems } from "./spread-sentence.js";

/** A run of sentences whose key points reach this many criteria names the rubric, however it is split into sentences. */
const RUN_CRITERIA = 3;
/** ... or this many, when no sentence of the answer that earns a key point says anything specific. */
const BARE_ANSWER_CRITERIA = 2;
/** A sentence says something about its key points when it holds one specific word for this many of them. */
const POINTS_PER_SPECIFIC = 2;

export type SpreadRun = { sentences: number[]; points: number; criteria: number };

/**
 * The rubric named over a run of sentences, each saying nothing specific about the points it earns: "The prompt
 * leaves the formats unspecified and the context lacks today's date. The fix injects the date, gives explicit
 * formats and validates in code. A test set with exact checks and the rejection rate verify it." No one sentence
 * reaches three criteria (spread-sentence.ts reads one at a time), yet together they earn a key point or two on
 * every criterion. Sentences are read in order; a sentence with a specific word for every two of its key points
 * (language/specific-weight.ts) says something and ends the run; consecutive thin ones form a run, and a run
 * whose points reach three or more criteria is a summary of the rubric: every sentence in it is barred. So is an
 * answer whose every earning sentence is thin once it reaches two criteria: it names topics and nothing else.
 * A terse note ("Fix: inject today's date; date YYYY-MM-DD, party_size integer; 1 retry") carries figures, code
 * names and symbols line by line and never forms a run.
 *
 * `hits`: for each criterion, the prose sentence of each key point it counted.
 */
export function spreadRuns(question: Question, prose: string, hits: readonly (readonly number[])[]): SpreadRun[] {
  // Where one thing is asked, the answer is a relation among the question's own things (unspecific.ts).
  if (question.rubric.length < 2 || expectsShortAnswer(question)) return [];
  const points = new Map<number, number>();
  const reached = new Map<number, Set<number>>();
  hits.forEach((sentences, criterion) => {
    for (const s of sentences) {
      points.set(s, (points.get(s) ?? 0) + 1);
      reached.set(s, (reached.get(s) ?? new Set()).add(criterion));
    }
  });
  const criteriaOf = (sentences: readonly number[]) => new Set(sentences.flatMap((s) => [...reached.get(s)!])).size;
  const pointsOf = (sentences: readonly number[]) => sentences.reduce((sum, s) => sum + points.get(s)!, 0);
  const earning = [...points.keys()].sort((x, y) => x - y);
  if (criteriaOf(earning) < BARE_ANSWER_CRITERIA) return [];
  const a = analyse(prose);
  const isTerm = questionTerms(question);
  const thin = (sentence: number) => {
    const s = a.sentences[sentence];
    if (!s) return false;
    const tokens = a.tokens.slice(s.from, s.to);
    const own = specificWeight(s.text, tokens, isTerm, question);
    // A terse list's items relate what they name, each on its own, as do notes strung on semicolons ("A/B with 23k
    // ratings per arm; fallback on timeout; cache keyed on prompt hash, TTL 1 day"; specific-weight.ts).
    const items = relatingItems(s.text, tokens, s.start, listOfItems(a, s) ? /[,;]/ : /;/);
    const weight = Math.max(own, items);
    return weight * POINTS_PER_SPECIFIC < points.get(sentence)!;
  };
  const runs: number[][] = [[]];
  for (const sentence of earning) {
    if (thin(sentence)) runs[runs.length - 1]!.push(sentence);
    else if (runs[runs.length - 1]!.length) runs.push([]);
  }
  const bareAnswer = runs.length === 1 && runs[0]!.length === earning.length;
  return runs
    .filter((run) => run.length && criteriaOf(run) >= (bareAnswer ? BARE_ANSWER_CRITERIA : RUN_CRITERIA))
    .map((sentences) => ({ sentences, points: pointsOf(sentences), criteria: criteriaOf(sentences) }));
}
