/** The outcome of one structural or computed check, in the same spirit as a concept hit. */
export type CheckResult = {
  label: string;
  passed: boolean;
  /** The span of the answer the check rests on, when it passed. */
  quote?: string;
  /** How the check decided (shown with the evidence). */
  note: string;
  /** True when the check could not run here (e.g. no model to execute a prompt): left out of the score. */
  skipped?: boolean;
};
