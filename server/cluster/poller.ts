import type { Logger } from "pino";
import { ServiceError, type Clock } from "../interview/index.js";
import type { LeaseStore } from "./leases.js";

/** Sessions handled per kind per tick: a backlog drains over a few ticks instead of one long one. */
const BATCH = 50;
/** How far back (in leases) a poll looks for sessions never begun; the start-up sweep looks at all. */
const UNBEGUN_WINDOW_LEASES = 10;

/** What the poller asks of the interview service. */
export type PollerWork = {
  /** A session taken over from a dead instance (or never begun): finish its cut-short step. */
  recoverOne(sessionId: string): Promise<void>;
  /** Its stored round deadline has passed: time the round out if it is still open. */
  expireIfDue(sessionId: string): Promise<void>;
};

/**
 * Every instance polls the database on its clock: it takes over sessions
 * whose holder died mid-step (each claimed by exactly one instance, see
 * leases.ts) and times out rounds whose deadline passed. A deadline is in the
 * store whichever instance set it, so it fires while any instance is alive;
 * the session lease and the service's own check (is that round still open
 * and due?) make it fire once.
 */
export function createPoller(options: {
  leases: LeaseStore;
  clock: Clock;
  pollMs: number;
  leaseMs: number;
  logger: Logger;
  onClaim: (sessionId: string, fence: number) => void;
}) {
  const { leases, clock, logger } = options;
  let cancel: (() => void) | null = null;
  let stopped = false;
  let current: Promise<number> | null = null;

  async function sweep(work: PollerWork, everything: boolean): Promise<number> {
    // The clock is read as each query goes out, never when the timer fired nor once per sweep: a poll that runs
    // late (a busy event loop; a test moving its clock on in one go) uses the time it runs at, so what it finds
    // due is due now and a lease it takes is not born old (it would expire early).
    await Promise.resolve();
    // Sessions never begun: all of them at start-up, then only recent ones (a live instance begins its own within ms).
    const since = everything ? 0 : clock.now() - UNBEGUN_WINDOW_LEASES * options.leaseMs;
    const claims = [...(await leases.claimAbandoned(clock.now(), BATCH)), ...(await leases.claimUnbegun(clock.now(), BATCH, since))];
    for (const claim of claims) {
      logger.warn({ sessionId: claim.sessionId, fence: claim.fence }, "took over a session another instance left mid-step");
      options.onClaim(claim.sessionId, claim.fence);
    }
    await Promise.all(claims.map((c) => work.recoverOne(c.sessionId)));
    const due = await leases.due(clock.now(), BATCH);
    await Promise.all(
      due.map((id) =>
        work.expireIfDue(id).catch((err) => {
          // Another instance holds the session (it took it over and is finishing its step, or is answering the
          // candidate): that is not a failure. The deadline stays in the store, so if it is still due when the
          // holder is done, the next poll (here or anywhere) fires it.
          if (err instanceof ServiceError && err.code === "SESSION_BUSY")
            logger.debug({ sessionId: id }, "a due round's session is busy elsewhere; left for the next poll");
          else logger.error({ err, sessionId: id }, "could not time out a round");
        }),
      ),
    );
    return claims.length + due.length;
  }

  /** One sweep at a time per instance: a tick that finds the last one running waits for it. */
  function tick(work: PollerWork, everything = false): Promise<number> {
    current ??= sweep(work, everything).finally(() => (current = null));
    return current;
  }

  return {
    /** Sweep now (start-up recovery) and then every `pollMs` on the clock. */
    async start(work: PollerWork): Promise<number> {
      const schedule = () => {
        if (stopped) return;
        cancel = clock.setTimer(() => {
          cancel = null;
          tick(work)
            .catch((err) => logger.error({ err }, "cluster poll failed"))
            .finally(schedule);
        }, options.pollMs);
      };
      try {
        return await tick(work, true);
      } finally {
        schedule();
      }
    },
    /** A sweep is running now. */
    busy: (): boolean => current !== null,
    async stop(): Promise<void> {
      stopped = true;
      cancel?.();
      cancel = null;
      await current?.catch(() => undefined);
    },
  };
}
