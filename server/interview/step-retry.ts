import type { Logger } from "pino";
import type { Clock } from "./clock.js";

/** Waits before each retry: quick at first (a dropped connection), then backing off (a database restarting); ~3 min in all. */
export const STEP_RETRY_DELAYS_MS: readonly number[] = [200, 1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000, 30_000, 30_000];

/**
 * The one way a session whose graph step failed outside a client's request is
 * moved on: a round timeout, the begin after the start ack, or a step a
 * dropped database connection cut short. Nothing else would touch such a
 * session before its round deadline (the candidate would see "no question is
 * awaiting an answer"), so this finishes it shortly after, backing off while
 * it keeps failing, and gives up (logged) after the last wait; a restart's
 * recovery, or on PostgreSQL another instance's poll, picks the session up then.
 * Waits run on the injected clock (tests drive it); one retry per session at a time.
 */
export function createStepRetry(options: {
  /** Finish whatever the session's last step left undone (begin it, or run its pending step). */
  finish: (sessionId: string) => Promise<void>;
  setTimer: Clock["setTimer"];
  logger: Logger;
  delaysMs?: readonly number[];
}) {
  const delays = options.delaysMs ?? STEP_RETRY_DELAYS_MS;
  const { logger } = options;
  const scheduled = new Map<string, () => void>();
  /** Retries running now: a failure inside one (its own step throwing again) must not start the count over. */
  const running = new Set<string>();
  let closed = false;
  const schedule = (sessionId: string, attempt: number, err?: unknown): void => {
    if (closed || scheduled.has(sessionId) || running.has(sessionId)) return;
    if (attempt >= delays.length) {
      logger.error(
        { err, sessionId, attempts: attempt },
        "gave up finishing a failed graph step (a restart or another instance tries again)",
      );
      return;
    }
    const cancel = options.setTimer(() => {
      scheduled.delete(sessionId);
      running.add(sessionId);
      options.finish(sessionId).then(
        () => running.delete(sessionId),
        (e: unknown) => {
          running.delete(sessionId);
          logger.warn({ err: e, sessionId, attempt: attempt + 1 }, "finishing a failed graph step failed; retrying");
          schedule(sessionId, attempt + 1, e);
        },
      );
    }, delays[attempt]!);
    scheduled.set(sessionId, cancel);
  };
  return {
    /**
     * The session's last step, or the work around it, failed: finish it soon.
     * `what` failed (logged with `err`) when the caller has nobody else to tell.
     */
    schedule(sessionId: string, failed?: { what: string; err: unknown }): void {
      if (failed) logger.error({ err: failed.err, sessionId }, `${failed.what} failed; retrying`);
      schedule(sessionId, 0);
    },
    /** Retries waiting for their time (tests and metrics). */
    waiting: (): number => scheduled.size,
    /** Cancel every waiting retry; nothing is scheduled after this. */
    close(): void {
      closed = true;
      for (const cancel of scheduled.values()) cancel();
      scheduled.clear();
    },
  };
}
