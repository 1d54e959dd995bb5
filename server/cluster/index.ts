import { randomUUID } from "node:crypto";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Logger } from "pino";
import type { Clock, SessionGuardLike } from "../interview/index.js";
import type { OpenDatabase, Store } from "../store/index.js";
import { FencedPostgresSaver } from "./fenced-checkpointer.js";
import { appendFenced } from "./fenced-events.js";
import { createLeaseStore } from "./leases.js";
import { createPoller, type PollerWork } from "./poller.js";
import { createSessionGuard, type SessionGuard } from "./session-guard.js";

export type ClusterOptions = {
  /** How long a session stays taken after its holder stops renewing (a crash): the takeover delay. */
  leaseMs: number;
  /** How often each instance looks for passed deadlines and abandoned sessions. */
  pollMs: number;
  /** How long a request waits for a session another instance is working on before failing with CONFLICT (real time). */
  waitMs: number;
};

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { leaseMs: 30_000, pollMs: 1_000, waitMs: 15_000 };

/**
 * How this instance shares sessions with others. On SQLite there are no
 * others (server/store/data-dir-lock.ts): nothing is added to the hot path,
 * in-process timers fire deadlines and start-up recovery walks every active
 * session. On PostgreSQL, sessions are leased (docs/cluster.md).
 */
export type Cluster = {
  /** This instance's id (lease holder; PostgreSQL application_name). */
  instanceId: string;
  checkpointer: BaseCheckpointSaver;
  /** For the interview service: runs each session's locked work under its lease (PostgreSQL only). */
  sessionGuard?: (forget: (sessionId: string) => void) => SessionGuardLike;
  /** Store an event; null when its key was stored before. Fenced on PostgreSQL: a stale holder's append fails. */
  appendEvent(sessionId: string, type: string, payload: object, now: number, key: string | null): Promise<number | null>;
  /** Start-up recovery, then (PostgreSQL) keep polling for deadlines and abandoned sessions. */
  start(work: PollerWork & { recoverAll(): Promise<number> }): Promise<number>;
  /** A poll sweep is running now (never on SQLite). */
  polling(): boolean;
  /** Stop polling (the first step of a graceful stop); held leases keep being renewed until releaseAll. */
  stop(): Promise<void>;
  /** Give every held session back at once, so another instance takes it without waiting for expiry. */
  releaseAll(): Promise<void>;
};

export function createCluster(deps: {
  database: OpenDatabase;
  store: Store;
  clock: Clock;
  logger: Logger;
  instanceId?: string;
  options?: Partial<ClusterOptions>;
}): Cluster {
  const { database, store, clock, logger } = deps;
  const instanceId = deps.instanceId ?? randomUUID();
  if (database.dialect === "sqlite" || !database.pool) {
    return {
      instanceId,
      checkpointer: database.checkpointer,
      appendEvent: (sessionId, type, payload, now, key) => store.events.append(sessionId, type, payload, now, key),
      start: (work) => work.recoverAll(),
      polling: () => false,
      stop: async () => undefined,
      releaseAll: async () => undefined,
    };
  }
  const options = { ...DEFAULT_CLUSTER_OPTIONS, ...deps.options };
  const { db } = database;
  const leases = createLeaseStore(db, { instanceId, leaseMs: options.leaseMs });
  let guard: SessionGuard | null = null;
  const poller = createPoller({
    leases,
    clock,
    pollMs: options.pollMs,
    leaseMs: options.leaseMs,
    logger,
    onClaim: (sessionId, fence) => guard?.noteClaim(sessionId, fence),
  });
  /** The lease a step of this instance holds the session under; none outside a step (nothing to fence). */
  const leaseOf = (sessionId: string) => {
    const fence = guard?.fenceOf(sessionId);
    return fence === undefined ? undefined : { sessionId, holder: instanceId, fence };
  };
  return {
    instanceId,
    checkpointer: new FencedPostgresSaver(database.pool, database.schema ?? "public", leaseOf),
    sessionGuard: (forget) => {
      guard = createSessionGuard({ leases, clock, leaseMs: options.leaseMs, waitMs: options.waitMs, logger, forget });
      return guard;
    },
    async appendEvent(sessionId, type, payload, now, key) {
      const fence = guard?.fenceOf(sessionId);
      if (fence === undefined) return store.events.append(sessionId, type, payload, now, key);
      return appendFenced(db, { instanceId, sessionId, fence }, { type, payload, now, key });
    },
    start: (work) => poller.start(work),
    polling: () => poller.busy(),
    stop: () => poller.stop(),
    async releaseAll() {
      guard?.stop();
      await guard?.settle();
      const n = await leases.releaseAll();
      if (n > 0) logger.info({ sessions: n }, "released session leases");
    },
  };
}
