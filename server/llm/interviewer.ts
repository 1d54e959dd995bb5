import type { Criterion, Question } from "../scenarios/index.js";

/** Who phrases what the candidate reads. Offline by default; a model later. */
export type Interviewer = {
  /** Stream the main question's text. */
  askQuestion(input: { question: Question; turnId: string }): AsyncIterable<string>;
  /** Stream a follow-up probing an unmet criterion. */
  followUp(input: { question: Question; criterion: Criterion; answerText: string; turnId: string }): AsyncIterable<string>;
};
