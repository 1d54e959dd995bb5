import type { Logger } from "pino";
import { ServiceError, type Clock } from "../interview/index.js";
import type { LeaseStore } from "./leases.js";

/** Fences remembered at most; forgetting one only costs a fresh read of that session's checkpoint. */
const REMEMBERED = 10_000;

/** Between tries for a lease another instance holds: short at first, a few hundred ms at most. */
const BACKOFF_MS = [10, 20, 50, 100, 200, 400];

/**
 * One instance at a time runs a session's graph steps: every locked section
 * of the session service runs under the session's lease. The lease is taken
 * before the work and let go after it; while work runs, leases are renewed
 * every third of their life, so only a dead (or frozen) instance lets one
 * expire. When a lease comes back with another fence than this instance last
 * saw, someone else worked on the session in between, and what the service
 * keeps in memory about it is dropped (`forget`).
 */
export function createSessionGuard(options: {
  leases: LeaseStore;
  clock: Clock;
  leaseMs: number;
  /** Give up waiting for a busy session after this long (real time): the request fails with CONFLICT and may be retried. */
  waitMs: number;
  logger: Logger;
  forget: (sessionId: string) => void;
}) {
  const { leases, clock, logger } = options;
  /** The fence this instance last held each session under (entries go when the session is forgotten). */
  const lastFence = new Map<string, number>();
  /** Sessions with work running here now, and the fence their writes carry. */
  const holding = new Map<string, number>();
  /** Releases on their way to the database: the next work on that session here waits for its own. */
  const releasing = new Map<string, Promise<void>>();
  let renewal: (() => void) | null = null;
  const remember = (sessionId: string, fence: number) => {
    lastFence.delete(sessionId);
    lastFence.set(sessionId, fence);
    // Oldest first (a Map keeps insertion order): finished sessions age out.
    if (lastFence.size > REMEMBERED) lastFence.delete(lastFence.keys().next().value!);
  };

  const scheduleRenewal = () => {
    if (renewal || holding.size === 0) return;
    renewal = clock.setTimer(
      () => {
        renewal = null;
        const ids = [...holding.keys()];
        leases
          .renew(ids, clock.now())
          .then((kept) => {
            // Its writes are refused from now on (fenced in the database); this says why in the log.
            for (const id of ids)
              if (holding.has(id) && !kept.has(id)) logger.error({ sessionId: id }, "lost a session's lease while working on it");
          })
          .catch((err) => logger.error({ err }, "lease renewal failed"))
          .finally(scheduleRenewal);
      },
      Math.max(1, Math.floor(options.leaseMs / 3)),
    );
  };

  async function acquire(sessionId: string): Promise<number> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const fence = await leases.tryAcquire(sessionId, clock.now());
      if (fence !== null) return fence;
      if (Date.now() - started > options.waitMs) {
        throw new ServiceError("SESSION_BUSY", "another server is working on this session right now; try again in a moment");
      }
      // Real time, not the injected clock: this waits for another process's step to finish.
      await new Promise((r) => setTimeout(r, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]));
    }
  }

  return {
    async run<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
      await releasing.get(sessionId);
      const fence = await acquire(sessionId);
      if (lastFence.get(sessionId) !== fence) {
        options.forget(sessionId);
        remember(sessionId, fence);
      }
      holding.set(sessionId, fence);
      scheduleRenewal();
      try {
        return await work();
      } finally {
        holding.delete(sessionId);
        // Not awaited: the caller's answer (an ack) need not wait for it. Work on this session here waits (above);
        // another instance sees the session free a round trip later.
        const release: Promise<void> = leases
          .release(sessionId, fence)
          .catch((err) => logger.warn({ err, sessionId }, "could not release a session's lease"))
          .finally(() => {
            if (releasing.get(sessionId) === release) releasing.delete(sessionId);
          });
        releasing.set(sessionId, release);
      }
    },
    /** The fence of the step running here for this session, if any. */
    fenceOf: (sessionId: string): number | undefined => holding.get(sessionId),
    /** Wait for releases still on their way (before a graceful stop releases the rest). */
    async settle(): Promise<void> {
      await Promise.all(releasing.values());
    },
    /** After a sweep took a session over: whatever was remembered about it is stale. */
    noteClaim(sessionId: string, fence: number) {
      options.forget(sessionId);
      remember(sessionId, fence);
    },
    stop() {
      renewal?.();
      renewal = null;
    },
  };
}
export type SessionGuard = ReturnType<typeof createSessionGuard>;
