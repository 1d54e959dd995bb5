import type { Logger } from "pino";

/** Waits before each retry: quick at first (a dropped connection), then backing off (a database restarting). */
const DELAYS_MS = [200, 1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000, 30_000, 30_000];

/**
 * A graph step that failed part-way (a dropped database connection, a
 * restart of PostgreSQL) leaves its session on a pending node, and nothing
 * else would move it on before its round deadline: the candidate would see
 * "no question is awaiting an answer". This finishes such a step shortly
 * after, backing off while it keeps failing, and gives up (logged) after a
 * few minutes; a restart's recovery would then pick the session up.
 * Real time, not the injected clock: this waits for a service to come back.
 */
export function createStepRetry(options: { finish: (sessionId: string) => Promise<void>; logger: Logger }) {
  const scheduled = new Map<string, NodeJS.Timeout>();
  /** Retries running now: a failure inside one (its own step throwing again) must not start the count over. */
  const running = new Set<string>();
  let closed = false;
  const schedule = (sessionId: string, attempt = 0): void => {
    if (closed || scheduled.has(sessionId) || running.has(sessionId)) return;
    if (attempt >= DELAYS_MS.length) {
      options.logger.error({ sessionId, attempts: attempt }, "gave up finishing a failed graph step");
      return;
    }
    const handle = setTimeout(() => {
      scheduled.delete(sessionId);
      running.add(sessionId);
      options.finish(sessionId).then(
        () => running.delete(sessionId),
        (err) => {
          running.delete(sessionId);
          options.logger.warn({ err, sessionId, attempt: attempt + 1 }, "finishing a failed graph step failed; retrying");
          schedule(sessionId, attempt + 1);
        },
      );
    }, DELAYS_MS[attempt]);
    handle.unref();
    scheduled.set(sessionId, handle);
  };
  return {
    /** The session's last step threw: finish it soon. One retry at a time per session. */
    schedule: (sessionId: string) => schedule(sessionId),
    close(): void {
      closed = true;
      for (const handle of scheduled.values()) clearTimeout(handle);
      scheduled.clear();
    },
  };
}
