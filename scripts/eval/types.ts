/** One human-graded answer from a public short-answer set, in the shape the evaluation reads. */
export type EvalItem = {
  questionId: string;
  question: string;
  /** Reference answers, best first. Packs are authored from these and the question only. */
  references: string[];
  answer: string;
  /** Human score on 0-4. */
  label: number;
  /** A second human's score on 0-4, where the set has one (for human-human agreement). */
  secondLabel?: number;
  split: "tuning" | "test";
};
