/**
 * How long a browser test waits for what follows a submit or an end: the next turn (after the follow-up decision)
 * or the report (after every answer is graded). A liveness bound, not a speed check; the one place this wait is set.
 *
 * Both are read in the grading thread, and on a fresh server the first reading waits for the thread to load the
 * grader (~1 s of CPU) and build the pack's grading index (~2 s of CPU for the built-in pack), which the session's
 * first question asks for ahead of need (server/interview/grading-warmup.ts). Measured on the 2-core machine at
 * load 26 (6 busy loops beside the test): the warm-up took 37 s from its start, and the first follow-up reached the
 * screen 35 s after the click (32 s of it waiting behind the warm-up); a fixed 30 s bound failed 3 runs of 3 there.
 * Wall time grows with the load (the same ~3 s of CPU is ~55 s at load 40): 90 s leaves room without hiding a hang.
 */
export const GRADING_STEP_MS = 90_000;

/** A browser test's own timeout: `otherStepsMs` for the rest of it, plus one grading step on a fresh server. */
export const withGradingStep = (otherStepsMs: number): number => GRADING_STEP_MS + otherStepsMs;
