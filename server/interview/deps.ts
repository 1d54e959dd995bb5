import type { Report, ServerEventBody, ServerEventName, TestReport } from "../contracts/index.js";
import type { Interviewer } from "../llm/index.js";
import type { Judge, LabEvidence } from "../grading/index.js";
import type { Language, PackCatalog, PromptLab, Question } from "../scenarios/index.js";
import type { GradeLater } from "./grading-queue.js";
import type { FollowUpReadingOf, GradeAnswers, WeakestCriterionOf } from "./grading-thread/index.js";

/**
 * Emits a server event for a session; the app stamps seq, stores it and broadcasts.
 * `key` is deterministic for the step and event ("round:end:<roundId>"): when a
 * step is re-run after a crash, an event already stored under its key is not emitted again.
 */
export type Emit = <N extends ServerEventName>(sessionId: string, name: N, body: ServerEventBody<N>, key: string) => Promise<void>;

/**
 * Where the graph hands results that outlive it (the store, in the app): the
 * report, derived from the final state. Scores themselves live in the
 * checkpoint until then; nothing else keeps a copy.
 */
export type InterviewSink = {
  saveReport(report: Report): Promise<void>;
};

/** Everything the graph needs from outside, passed in so tests can run it alone. */
export type InterviewDeps = {
  packs: PackCatalog;
  interviewer: Interviewer;
  emit: Emit;
  sink: InterviewSink;
  now: () => number;
  /** Runs a coding answer against all of the question's tests; absent where no sandbox is wired. */
  runTests?: (question: Question, language: Language, code: string, owner?: string) => Promise<TestReport>;
  /** The LLM judge, when a model is configured. */
  judge?: Judge;
  /** Tokens a session may spend on model calls; when used up, the offline interviewer takes over. */
  tokenBudget?: number | null;
  /** Price per 1M tokens by model, for the report's cost estimate. */
  prices?: Record<string, { input: number; output: number }>;
  /** Runs a fixed prompt on a question's prompt lab, when a model is configured. */
  runLab?: (lab: PromptLab, fixedPrompt: string) => Promise<LabEvidence>;
  /** The deterministic grader, e.g. in a worker thread; `gradeQuestion` on this thread when absent. */
  gradeAnswers?: GradeAnswers;
  /** The follow-up decision's reading of the answer, where grading runs; `weakestCriterion` on this thread when absent. */
  weakestCriterionOf?: WeakestCriterionOf;
  /** The follow-up's reading of the answer on its criterion, where grading runs; on this thread when absent. */
  followUpReadingOf?: FollowUpReadingOf;
  /** Grades finished questions off the interview's critical path; absent: the grade node grades inline. */
  gradeLater?: GradeLater;
};
