import type { Criterion, Question } from "../../scenarios/index.js";

/** The outcome of one structural or computed check, in the same spirit as a concept hit. */
export type CheckResult = {
  label: string;
  passed: boolean;
  /** The span of the answer the check rests on, when it passed. */
  quote?: string;
  /** How the check decided (shown with the evidence). */
  note: string;
  /** The highest level the criterion may reach after this result (a wrong stated result caps "right total" levels). */
  cap?: number;
  /** True when the check could not run here (e.g. no model to execute a prompt): left out of the score. */
  skipped?: boolean;
};

/** What running the candidate's fixed prompt showed, when a model was available. */
export type LabEvidence = ({ ran: true; fixedPassRate: number; brokenPassRate: number; cases: number } | { ran: false; reason: string }) & {
  usage?: { model: string; inputTokens: number; outputTokens: number };
};

/** Everything a check may read: the cleaned answer, the question it answers, and the lab run if any. */
export type CheckInput = {
  answer: string;
  question: Question;
  lab?: LabEvidence | undefined;
  /** The criterion the checks run for (a result figure is the one this criterion's exemplar figures arrive at). */
  criterion?: Criterion | undefined;
  /** The prose sentences that make a claim (see claimSentences): a diagnosis must be stated, not listed or templated. */
  claims?: string | undefined;
};

/**
 * One check: a thin function from the input to results of one shape. A
 * handler returns a list because some checks report several parts (the STAR
 * check reports situation, task, action, result and reflection apart).
 */
export type CheckHandler = (input: CheckInput) => CheckResult[];
