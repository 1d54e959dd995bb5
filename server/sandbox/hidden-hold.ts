/**
 * A graded run's hidden batch is released at its start plus its whole wall budget, whatever the candidate's code
 * did with its time. Whoever waits on a graded run (the session's end, its report) would otherwise learn how long
 * the hidden batch took, and candidate code can make that depend on a hidden input (sleep when it is even).
 * Past the budget the run was stopped anyway (its status says so, as the hidden tests' pass/fail does).
 */
export type HiddenHold = {
  /** The hidden batch's wall budget for so many cases. */
  budgetMs(cases: number): number;
  /** Resolves at a `performance.now()` time (at once if it has passed). */
  until(deadline: number): Promise<void>;
};

/** Waits on a real timer that does not keep the process alive. */
export const waitUntil = (deadline: number): Promise<void> =>
  new Promise<void>((resolve) => {
    const ms = deadline - performance.now();
    if (ms <= 0) return resolve();
    setTimeout(resolve, ms).unref();
  });
