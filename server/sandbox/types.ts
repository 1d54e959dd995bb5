import type { Language } from "../scenarios/index.js";
import type { BudgetSpent } from "./budget/index.js";

/** One call of the candidate's function (or the question's run_case). */
export type CaseInput = { args: unknown[] };

export type CaseOutcome = {
  /** The function returned (value is its JSON-normalised result) or failed (error says how). */
  ok: boolean;
  value?: unknown;
  error?: string;
  stdout: string;
  stderr: string;
  ms: number;
};

export type BatchRequest = {
  language: Language;
  code: string;
  testCode?: string | undefined;
  entrypoint: string;
  cases: CaseInput[];
  /** Who the run is for (the interview session): runs queue round-robin between owners. */
  owner?: string | undefined;
  /** The owner's group (the client address): the group's sessions share its slots, round-robin. */
  group?: string | undefined;
  /** No candidate waits on it (pack validation): served after candidates' runs, and lowered in priority at once. */
  background?: boolean | undefined;
  /** Called once if the run has to wait for a free sandbox. */
  onWait?: ((notice: { ahead: number }) => void) | undefined;
  /** Called when the run has its sandbox and starts (after any wait): a held result counts its budget from here. */
  onStart?: (() => void) | undefined;
  /** Aborted when nobody waits for the run any more: a run still queued leaves the line. */
  signal?: AbortSignal | undefined;
};

export type BatchResult = {
  /** ok: every case ran (pass or fail is decided later); otherwise why the run stopped early. */
  status: "ok" | "timeout" | "crashed" | "output-limit" | "compile-error";
  /** With status timeout: which of the run's budgets ran out (its CPU time, or the wall clock). */
  budgetSpent?: BudgetSpent | undefined;
  outcomes: CaseOutcome[];
  /** Anything the process wrote outside the harness' capture, truncated. */
  processOutput: string;
  ms: number;
};

/** Runs batches for one language; the real ones live under python/ and typescript/. */
export type LanguageRunner = {
  run(request: BatchRequest): Promise<BatchResult>;
  /** Resolves when pre-started sandboxes (if any) are ready for a job. */
  ready?(): Promise<void>;
  /** Slots running and runs waiting now (metrics read it). */
  queueStats?(): { busy: number; waiting: number; slots: number };
  close(): Promise<void>;
};
