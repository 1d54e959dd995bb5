/**
 * A graded run's hidden batch is released at its start plus its whole wall budget, whatever the candidate's code
 * did with its time. Whoever waits on a graded run (the session's end, its report) would otherwise learn how long
 * the hidden batch took, and candidate code can make that depend on a hidden input (sleep when it is even).
 *
 * A run that waited for a core has its wall budget extended, up to the ceiling (`WALL_CEILING_FACTOR` times), and
 * may still end "ok" past the plain budget: such a run is released at the ceiling, never at its own end. So a
 * hidden batch is released at one of two times, one bit per submit, which the candidate's code can already send
 * through any hidden test's pass or fail.
 */
export type HiddenHold = {
  /** The hidden batch's wall budget for so many cases (before any extension). */
  budgetMs(cases: number): number;
  /** How far a wait for a core may extend that budget, as a factor. */
  ceilingFactor: number;
  /** Resolves at a `performance.now()` time (at once if it has passed). */
  until(deadline: number): Promise<void>;
};

/** When a hidden batch that started at `started` and ended at `ended` is released. */
export function releaseTime(hold: HiddenHold, cases: number, started: number, ended: number): number {
  const budget = hold.budgetMs(cases);
  return ended <= started + budget ? started + budget : started + budget * hold.ceilingFactor;
}

/** Waits on a real timer that does not keep the process alive. */
export const waitUntil = (deadline: number): Promise<void> =>
  new Promise<void>((resolve) => {
    const ms = deadline - performance.now();
    if (ms <= 0) return resolve();
    setTimeout(resolve, ms).unref();
  });
