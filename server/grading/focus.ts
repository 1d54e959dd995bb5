import type { CriterionScore } from "../contracts/index.js";
import type { Question } from "../scenarios/index.js";
import { answerBearing, type Bearing } from "./language/bearing.js";
import { judgesTopic } from "./language/on-topic.js";
import type { Idf } from "./language/similarity.js";

/**
 * Whether an answer is about its question (issue #11, points 2, 3 and 5; session 22, helper ramble12). Two readings
 * of the answer's sentences (language/bearing.ts), for fluent answers only (at least `MIN_SENTENCES` judged sentences
 * and `MIN_WORDS` content words: a short answer is read by its key points alone), and only on a question whose texts
 * say enough about its topic for a share of its words to mean anything (on-topic.ts, `judgesTopic`: the public
 * one-criterion sets are not):
 * - **Not addressed.** A fluent answer to another question kept whatever a word or two earned by chance (a key point's
 *   term, some likeness to the reference) and its report said only which key points were missing. When most of it
 *   (`OFF_MOST` of its content words: at 0.5 a shallow on-topic answer in its own buzzwords, 0.68 off, lost its 9 points
 *   and was told it was off the question) bears on something else and it earns no more than one key point and no level
 *   above 1, every criterion is 0 and the report says the answer does not address the question and what it is about.
 *   An answer that earned nothing at all and shares nothing with the references is told the same (its score was 0).
 *   Nothing is flagged: an answer to another question is no attempt to steer the grader.
 * - **Rambling.** A long answer (at least `RAMBLE_WORDS` content words) of which `RAMBLE_SHARE` or more is digression
 *   (sentences off the question) or repeats of points already made: a human grader docks an answer that buries its
 *   points (outside audit: 89 against a label of 70). It is never strong: each criterion above level 2 drops one
 *   level, and the report says why. A long, dense answer has no such share (the held strong rows: 0).
 * Coding questions are not read (an answer there is code with a few lines of prose: the tool-calling-loop adequate
 * model answer, in unfenced code, was called off the question; unmeasured).
 */
const MIN_SENTENCES = 3;
/**
 * Questions of one criterion are not read: a short-answer item authored from one reference (the public agreement
 * sets) knows too few of its topic's words to tell an answer in other words from one about something else (SAF's
 * question 8.1 has 80+ content words and 22 questions: 16 of its tuning answers, humans' 3-4 of 5, were called off
 * the question or rambling, and SAF test r fell 0.746 -> 0.742). Packs written for interviews have several criteria.
 */
const MIN_CRITERIA = 2;
const MIN_WORDS = 25;
const OFF_MOST = 0.75;
/** "Nothing like the reference answers": the weighted recall of a reference at or below this. */
const NO_LIKENESS = 0.05;
const RAMBLE_WORDS = 50;
const RAMBLE_SHARE = 0.25;
/** A rambling answer's criteria keep at least this level (or what they earned below it). */
const RAMBLE_FLOOR = 2;

export type Focus =
  | { kind: "not-addressed"; bearing: Bearing; feedback: string }
  | { kind: "rambling"; bearing: Bearing; share: number }
  | { kind: "focused"; bearing: Bearing };

export function answerFocus(
  q: Question,
  prose: string,
  idf: Idf,
  scores: readonly CriterionScore[],
  similarity: number | null,
  hasCode: boolean,
): Focus | null {
  // A fenced block is code or config, read by its own checks: its lines are no sentences of the answer's prose.
  prose = prose.replace(/```[\s\S]*?```/g, " ");
  if (!prose.trim() || q.coding || q.rubric.length < MIN_CRITERIA || !judgesTopic(q)) return null;
  const bearing = answerBearing(q, prose, idf);
  const judged = bearing.sentences.filter((s) => s.judged);
  if (judged.length < MIN_SENTENCES || bearing.words < MIN_WORDS) return { kind: "focused", bearing };
  const off = bearing.offWords / bearing.words;
  const keyPoints = scores.reduce((n, s) => n + s.evidence.length, 0);
  const top = Math.max(0, ...scores.map((s) => s.score));
  const mostlyElsewhere = !hasCode && off >= OFF_MOST && keyPoints <= 1 && top <= 1;
  const nothingAtAll = !hasCode && keyPoints === 0 && top === 0 && (similarity ?? 0) <= NO_LIKENESS;
  if (mostlyElsewhere || nothingAtAll) {
    const offSentences = judged.filter((s) => !s.on).length;
    const about = bearing.offTopics.length ? ` (${bearing.offTopics.join(", ")})` : "";
    const why = offSentences
      ? `${offSentences} of its ${judged.length} sentences are about other things than the question asks${about}`
      : "it speaks of the field the question is in, not of what the question asks";
    return {
      kind: "not-addressed",
      bearing,
      feedback: `The answer does not address the question ("${q.title}"): ${why}, and it states ${keyPoints ? `only ${keyPoints === 1 ? "one" : "two"}` : "none"} of the question's key points.`,
    };
  }
  const share = (bearing.offWords + bearing.repeatWords) / bearing.words;
  if (bearing.words >= RAMBLE_WORDS && share >= RAMBLE_SHARE) return { kind: "rambling", bearing, share };
  return { kind: "focused", bearing };
}

/** Every criterion of an answer that does not address its question: 0, with the reason. */
export function notAddressed(s: CriterionScore, feedback: string): CriterionScore {
  return { ...s, score: 0, evidence: [], feedback: `${feedback} Level 0.` };
}

/** A rambling answer's criterion: one level down from above level 2, with the reason (see above). */
export function docked(s: CriterionScore, focus: Extract<Focus, { kind: "rambling" }>): CriterionScore {
  if (s.score <= RAMBLE_FLOOR || s.insufficientEvidence) return s;
  const sentences = focus.bearing.sentences.filter((x) => x.judged);
  const aside = sentences.filter((x) => !x.on || x.repeat).length;
  return {
    ...s,
    score: s.score - 1,
    feedback: `${s.feedback} (−1: ${aside} of the answer's ${sentences.length} sentences are digressions from the question or repeat points already made, ${Math.round(100 * focus.share)}% of what it says; the points it makes are buried.)`,
  };
}
