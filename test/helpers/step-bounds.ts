/**
 * How long a browser test waits for what one server step causes, where that step's time is bound to the machine's
 * load: liveness bounds, not speed checks, set here and nowhere else. Both steps below can be the first use of a
 * worker thread on the test's fresh server, which first loads its modules (through tsx, server/workers/bootstrap.mjs).
 */

/**
 * What follows a submit or an end: the next turn (after the follow-up decision) or the report (after every answer is
 * graded). Both are read in the grading thread, and on a fresh server the first reading waits for the thread to load the
 * grader (~1 s of CPU) and build the pack's grading index (~2 s of CPU for the built-in pack), which the session's
 * first question asks for ahead of need (server/interview/grading-warmup.ts). Measured on the 2-core machine at
 * load 26 (6 busy loops beside the test): the warm-up took 37 s from its start, and the first follow-up reached the
 * screen 35 s after the click (32 s of it waiting behind the warm-up); a fixed 30 s bound failed 3 runs of 3 there.
 * Wall time grows with the load (the same ~3 s of CPU is ~55 s at load 40): 90 s leaves room without hiding a hang.
 */
export const GRADING_STEP_MS = 90_000;

/** A browser test's own timeout: `otherStepsMs` for the rest of it, plus one grading step on a fresh server. */
export const withGradingStep = (otherStepsMs: number): number => GRADING_STEP_MS + otherStepsMs;

/**
 * The pack editor's check of the text (the validation status, its problems, the preview): the pack is read in the
 * pack reading thread, which on a fresh server loads on the first check (~0.6 s of CPU; 6 s of wall time at load 38
 * in a scratch process). Fixed 10-15 s bounds failed at load 42 beside 4 busy loops (pack-editor and team-review:
 * "Checking…" still shown). 45 s is past the server's own bound on a read (PACK_READ_TIMEOUT_MS, 30 s), so a read the
 * server gave up shows as its error, not as the test's timeout.
 */
export const PACK_CHECK_MS = 45_000;

/**
 * A request whose answer waits for a few seconds of CPU in the pack reading thread: a hostile pack of 120,000 keys
 * (3.1 s of CPU to read; 18-20 s of wall time at load 18, in a scratch process, session 20) or a draft placed in a
 * 1.5 MB pack (two reads of 1.2-1.3 s of CPU each; one read took 9-10 s of wall at load 18, 18 s at load 39), after the
 * thread's own loading on a fresh server (~0.6 s of CPU). In team-authoring beside 4 busy loops, a type-check and a
 * unit-test run (load 29-34), the draft into the 1.5 MB pack took 122 s, the two PACK_READ_BUSY tests 86 s and 77 s.
 * The server's own bound on a read is its CPU time (PACK_READ_TIMEOUT_MS, 30 s of CPU), so a reader gone super-linear
 * still fails these tests with PACK_READ_TIMEOUT, whatever the load; this is only the liveness bound.
 */
export const PACK_READ_STEP_MS = 240_000;

/**
 * `calibrate` of the built-in pack against the 32 labelled answers, in-process: 21 s of CPU (19.7 s user, 1.3 s system)
 * and 274 s of wall time at load 27-31 (session 20, `/usr/bin/time` on the same command), 189 s at load 22 in the test.
 * At load 40 that is ~380 s. Grading is the work measured; the bound is liveness only.
 */
export const CALIBRATE_STEP_MS = 420_000;
