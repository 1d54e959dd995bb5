import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import pino, { type Logger } from "pino";
import { createHttpApp } from "./http/index.js";
import { answerContinueInRoutes } from "./http/expect-continue.js";
import { closeIdleSocketsAfterReading } from "./http/keep-alive-expiry.js";
import {
  compileInterviewGraph,
  createGradingQueue,
  createGradingThread,
  GRADING_CPU_MS,
  type GradingThreadOptions,
  type InterviewDeps,
  regradeReport,
  REGRADE_BOUND_FACTOR,
  createSessionAddresses,
  type SessionAddresses,
  createInterviewService,
  realClock,
  type Clock,
  type Emit,
  type InterviewService,
} from "./interview/index.js";
import { createHistory } from "./history/index.js";
import { createJudge, runLab } from "./grading/index.js";
import { createChatModel, createModelInterviewer, createOfflineInterviewer, type ModelConfig } from "./llm/index.js";
import { createRateLimits, DEFAULT_RATE_LIMITS, type LimiterFactory, type RateLimitConfig } from "./limits/index.js";
import { createMetrics, instrumentSandbox, modelCallObserver, secondsSince, type Metrics } from "./metrics/index.js";
import { connectRedis, redisLimiters, useRedisAdapter, type RedisConfig } from "./redis/index.js";
import { createSocketServer, roomOf, type InterviewIo } from "./realtime/index.js";
import {
  createPackLibrary,
  createPackReader,
  createValidationGate,
  verifyReferenceSolutions,
  type PackLibrary,
  type PackReader,
  type PackReaderOptions,
} from "./packs/index.js";
import { createSandbox, DEFAULT_LIMITS, type Sandbox, type SandboxOptions } from "./sandbox/index.js";
import type { LocatedPack, Pack, PromptLab } from "./scenarios/index.js";
import { createTeamDesk, createTeams, type TeamDesk, type Teams } from "./teams/index.js";
import { createStore, openDatabase, type OpenDatabase, type PostgresTarget } from "./store/index.js";
import { createCluster, type ClusterOptions } from "./cluster/index.js";

/** How long the HTTP server keeps an idle keep-alive socket open (see where the server is created). */
const KEEP_ALIVE_MS = 65_000;

export type AppDeps = {
  /** SQLite file for app tables and checkpoints (":memory:" for throwaway tests); unused when `postgres` is set. */
  databaseFile: string;
  /** PostgreSQL for everything instead (DATABASE_URL): several instances may share it. */
  postgres?: PostgresTarget | null;
  /** Leases and polling between instances on PostgreSQL (server/cluster/). */
  cluster?: Partial<ClusterOptions>;
  /**
   * This instance's name among several (INSTANCE_ID): in logs, Redis CLIENT LIST and
   * PostgreSQL's application_name. A random suffix is always added: it is also the
   * session-lease holder, which two live processes must never share.
   */
  instanceId?: string;
  /** Built-in packs (from PACKS_DIR); team packs live in the database. */
  builtinPacks: Pack[];
  /** Built client to serve; null serves the API only. */
  clientDist?: string | null;
  logger?: Logger;
  now?: () => number;
  /** Time and round timers together (tests drive a manual clock); `now` alone when absent. */
  clock?: Clock;
  /** Chooses among equally suitable questions; tests pin it to get pack order. */
  random?: () => number;
  /** Code sandbox options (defaults when absent), or null for none. */
  sandbox?: SandboxOptions | null;
  /**
   * The pack reader's bounds (server/packs/reader; defaults when absent), or null to read uploaded packs on the
   * event loop as before session 17 (only `npm run bench:pack-upload` does, to measure the difference).
   */
  packReader?: PackReaderOptions | null;
  /**
   * The grading thread's bound on one reading (GRADING_CPU_SECONDS; its default when absent); tests also give it
   * their own timer and CPU clock (to give a reading up without waiting) or a worker module in place of the grader's.
   */
  gradingThread?: Pick<GradingThreadOptions, "cpuMs" | "startTimer" | "threadCpuMs" | "worker"> | undefined;
  /** A model for the LLM judge and the prompt lab; absent or null runs offline. */
  model?: ModelConfig | null;
  /** Rate limits (defaults when absent); null turns them off (benchmarks of the bare path). */
  rateLimits?: RateLimitConfig | null;
  /** Where limiter counts live: memory by default, Redis's when `redis` is set, or this factory. */
  limiterStore?: LimiterFactory;
  /**
   * Redis (REDIS_URL) for running several instances: socket.io broadcasts go
   * through it and rate limits are counted in it. Absent or null: all in memory.
   */
  redis?: RedisConfig | null;
  /** Bearer token /api/metrics asks for; null or absent serves metrics to anyone who can reach the port. */
  metricsToken?: string | null;
  /** Client address and https from X-Forwarded-* (behind a proxy you run). */
  trustProxy?: boolean;
  /** Bytes all socket connections of one address may send per 10 s; default INCOMING_BYTES_PER_ADDRESS. */
  socketBytesPerAddress?: number;
  /** Browser origins allowed to open the socket besides the server's own. */
  allowedOrigins?: string[];
  /** Host names requests may name (server/limits/host.ts); null or absent: any. */
  allowedHosts?: string[] | null;
};

export type App = {
  httpServer: HttpServer;
  /** Lease holder and PostgreSQL application_name of this instance. */
  instanceId: string;
  /** The open database (SQLite file or PostgreSQL pool): operations tooling, and tests that cut an instance off. */
  database: OpenDatabase;
  /**
   * Bring back sessions the last run left active (finish cut-short steps,
   * re-arm timers), in bounded batches in the background. Call it once the
   * server listens: a process that could not bind must not touch sessions.
   * Resolves with how many sessions were recovered.
   */
  startRecovery(): Promise<number>;
  /**
   * Nothing set off here is still running: no session work running or waiting
   * for its lock or lease, no poll sweep. Tests driving a clock wait for it
   * before moving the clock again.
   */
  idle(): boolean;
  io: InterviewIo;
  service: InterviewService;
  packs: PackLibrary;
  teams: Teams;
  /** Invites, signals, review (issue 13). */
  teamDesk: TeamDesk;
  sandbox: Sandbox | null;
  /** Reads uploaded packs in a worker thread (null: on the event loop, benchmarks only). */
  packReader: PackReader | null;
  /** The address each session is held from: grading takes turns between addresses, then sessions (turns/fair-turns.ts). */
  sessionAddresses: SessionAddresses;
  /** This instance's Prometheus registry and metrics (served at /api/metrics). */
  metrics: Metrics;
  close(): Promise<void>;
};

/** Build the whole server from its dependencies; the caller decides where to listen. */
export async function createApp(deps: AppDeps): Promise<App> {
  const instanceId = `${deps.instanceId ? `${deps.instanceId}-` : ""}${randomUUID().slice(0, 8)}`;
  const logger = (deps.logger ?? pino({ level: "silent" })).child({ instance: instanceId });
  const metrics = createMetrics();
  const redis = deps.redis ? connectRedis(deps.redis, logger, instanceId) : null;
  const now = deps.clock?.now ?? deps.now ?? Date.now;
  const clock: Clock = deps.clock ?? { now, setTimer: realClock.setTimer };
  const database = await openDatabase(
    deps.postgres
      ? { kind: "postgres", applicationName: `mock-interview ${instanceId}`, ...deps.postgres }
      : { kind: "sqlite", file: deps.databaseFile },
  );
  const store = createStore(database.db);
  const cluster = createCluster({ database, store, clock, logger, instanceId, ...(deps.cluster ? { options: deps.cluster } : {}) });
  const checkpointer = cluster.checkpointer;
  const packs = createPackLibrary({ store, now, logger });
  await packs.registerBuiltins(deps.builtinPacks);
  const teams = createTeams(store, now);
  const bareSandbox: Sandbox | null =
    deps.sandbox === null
      ? null
      : createSandbox({ ...(deps.sandbox ?? { limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 }), logger });
  const sandbox = bareSandbox && instrumentSandbox(bareSandbox, metrics);

  const limiterStore = deps.limiterStore ?? (redis ? redisLimiters(redis.limiter, redis.config.keyPrefix) : undefined);
  const limits = deps.rateLimits === null ? null : createRateLimits(deps.rateLimits ?? DEFAULT_RATE_LIMITS, limiterStore);
  // A client that sends its request slowly holds a socket and parser state: it gets 30 s for the whole request
  // (Node's default is 300 s), 15 s for the headers. Answers may take longer (long-polling does).
  // An idle keep-alive socket is kept 65 s (Node's default is 5 s), longer than proxies and load balancers keep
  // theirs (commonly 60 s): with a shorter server timeout, a proxy reusing a socket just as the server closed it gets
  // a reset (502 for the user). headersTimeout stays 15 s: since Node 18 it counts from a request's first byte, not
  // from idle time, so it need not exceed keepAliveTimeout (and Node refuses one above requestTimeout).
  const httpServer = createServer({ requestTimeout: 30_000, headersTimeout: 15_000 });
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  // And never closed under a request that has already arrived on it (a reset the client could not avoid).
  closeIdleSocketsAfterReading(httpServer);
  // `io` is assigned below; emit only runs once a session exists, long after.
  let io: InterviewIo | null = null;
  const emit: Emit = async (sessionId, name, body, key) => {
    const seq = await cluster.appendEvent(sessionId, name, body, now(), key);
    // Already stored under this key: a step re-run after a crash; clients had it live or get it on resume.
    if (seq === null) return;
    // The event map types each name's payload; the generic here cannot narrow, so widen once.
    const room = io?.to(roomOf(sessionId)) as { emit(event: string, payload: unknown): boolean } | undefined;
    room?.emit(name, { ...body, seq, sessionId });
  };
  // Grading takes turns between client addresses, then between an address's sessions (turns/fair-turns.ts).
  const sessionAddresses = createSessionAddresses();
  const gradeLater = createGradingQueue({ concurrency: 2, logger, groupOf: sessionAddresses.addressOf });
  const gradingThread = createGradingThread({ ...deps.gradingThread, groupOf: sessionAddresses.addressOf });
  const interviewDeps: InterviewDeps = {
    packs,
    emit,
    gradeLater,
    gradeAnswers: async (...args: Parameters<typeof gradingThread.grade>) => {
      const started = performance.now();
      let outcome = "error";
      try {
        const graded = await gradingThread.grade(...args);
        outcome = "ok";
        return graded;
      } finally {
        metrics.gradingSeconds.observe({ outcome }, secondsSince(started));
      }
    },
    weakestCriterionOf: gradingThread.weakest,
    followUpReadingOf: gradingThread.followUp,
    // Grading's runs queue round-robin with everyone's code:run, as an owner of their own: queued behind the
    // session's own code:run slot, that code:run's wait would show how long the hidden batch took. The hidden batch
    // is held to its budget for the same reason (see docs/sandbox.md).
    ...(sandbox
      ? {
          runTests: (question, language, code, owner) =>
            sandbox.runTests(question, language, code, "all", { owner: owner && `grading:${owner}`, hold: sandbox.hiddenHold }),
        }
      : {}),
    ...modelDeps(deps.model ?? null, metrics),
    now,
    sink: {
      saveReport: (report) => store.sessions.complete(report.sessionId, JSON.stringify(report), now()),
    },
  };
  const graph = compileInterviewGraph(interviewDeps, checkpointer);
  // Regrades (POST .../regrade) read in a thread of their own, with a longer bound than the live one: a reading given
  // up live (GRADING_TIMEOUT) would be given up again at the same bound, and a long regrade must hold up no
  // candidate's grading. Its worker starts on the first regrade.
  const regradeThread = createGradingThread({
    ...deps.gradingThread,
    cpuMs: (deps.gradingThread?.cpuMs ?? GRADING_CPU_MS) * REGRADE_BOUND_FACTOR,
  });
  const regradeDeps: InterviewDeps = {
    ...interviewDeps,
    gradeAnswers: regradeThread.grade,
    gradeLater: undefined,
    // The session is over: its event stream ended with session:complete.
    emit: async () => undefined,
  };
  const service = createInterviewService({
    graph,
    store,
    packs,
    now,
    logger,
    sandbox,
    onStepDone: (id) => gradeLater.start(id),
    warmGrading: gradingThread.warm,
    regrade: (state, stored) => regradeReport(regradeDeps, state, stored),
    observer: {
      roundTimedOut: (lateMs) => {
        metrics.roundTimeouts.inc();
        metrics.timerLagSeconds.observe(Math.max(0, lateMs) / 1000);
      },
    },
    ...(deps.clock ? { setTimer: deps.clock.setTimer } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(cluster.sessionGuard ? { sessionGuard: cluster.sessionGuard } : {}),
  });
  const validationGate = createValidationGate();
  // Uploaded packs are parsed and validated in a worker thread: a valid 2 MB pack held the event loop for seconds.
  const packReader = deps.packReader === null ? null : createPackReader(deps.packReader);
  const teamDesk = createTeamDesk({
    store,
    teams,
    packs,
    service,
    now,
    model: deps.model ?? null,
    placeDraft: packReader?.placeDraft,
    suggestTerms: packReader?.suggestTerms,
  });
  const http = createHttpApp({
    packs,
    teams,
    service,
    history: createHistory({ store, packs, now }),
    // Uploaded reference solutions run in the same sandbox as candidates' code, never unconfined.
    // One validation per team at a time, in the pool's background slice, within a time budget.
    ...(sandbox
      ? {
          // A pack with no coding question runs nothing, so it does not wait for the team's turn (red-team F6).
          // A validation whose request's connection closed stops (`signal`) and frees the team's turn (red-team F6).
          verifyPack: (located: LocatedPack, team: string, signal?: AbortSignal) =>
            located.pack.questions.some((q) => q.coding)
              ? validationGate.run(team, () => verifyReferenceSolutions(located, sandbox, { team, now, signal }))
              : verifyReferenceSolutions(located, sandbox, { team, now, signal }),
        }
      : {}),
    ...(packReader ? { readPack: packReader.read } : {}),
    logger,
    clientDist: deps.clientDist ?? null,
    pingDatabase: database.ping,
    limits,
    onSessionHeld: sessionAddresses.record,
    trustProxy: deps.trustProxy ?? false,
    allowedHosts: deps.allowedHosts ?? null,
    recovering: () => recovering,
    teamDesk,
    metrics: { registry: metrics.registry, token: deps.metricsToken ?? null },
    ...(redis ? { healthExtras: () => ({ redis: redis.status() }) } : {}),
  });
  httpServer.on("request", http);
  answerContinueInRoutes(httpServer);
  io = createSocketServer(httpServer, service, teams, logger, {
    limits,
    onSessionHeld: sessionAddresses.record,
    trustProxy: deps.trustProxy ?? false,
    ...(deps.socketBytesPerAddress ? { bytesPerAddress: deps.socketBytesPerAddress } : {}),
    // The byte budget's windows read the app's clock: tests that inject one need not wait for a window to pass.
    now,
    allowedOrigins: deps.allowedOrigins ?? [],
    allowedHosts: deps.allowedHosts ?? null,
    metrics,
  });
  if (redis) useRedisAdapter(io, redis);
  const liveIo = io;
  metrics.gauge("interview_socket_connections", "Socket.io connections open on this instance.", () => liveIo.engine.clientsCount);
  metrics.gauge(
    "interview_sessions_active",
    "Sessions not yet complete (all instances: read from the database).",
    async () => (await store.sessions.listActiveIds()).length,
  );

  let recovering = false;
  let recovery: Promise<number> | null = null;

  let closed = false;
  return {
    httpServer,
    instanceId,
    database,
    startRecovery() {
      recovery ??= (async () => {
        recovering = true;
        try {
          // SQLite: every active session. PostgreSQL: sessions abandoned mid-step or overdue, then keep polling.
          const n = await cluster.start({
            recoverAll: () => service.recover(),
            recoverOne: (id) => service.recoverOne(id),
            expireIfDue: (id) => service.expireIfDue(id),
          });
          if (n > 0) logger.info({ sessions: n }, "re-armed active sessions");
          return n;
        } finally {
          recovering = false;
        }
      })();
      return recovery;
    },
    idle: () => !service.busy() && !cluster.polling(),
    io,
    service,
    packs,
    teams,
    teamDesk,
    sandbox,
    packReader,
    sessionAddresses,
    metrics,
    async close() {
      if (closed) return;
      closed = true;
      // Graceful stop (SIGTERM): take no new connections and no new deadlines, finish the steps
      // in flight, then hand the sessions back so another instance takes them at once.
      if (httpServer.listening) httpServer.close(() => undefined);
      await recovery?.catch(() => undefined);
      await cluster.stop();
      await service.close();
      await gradeLater.drain();
      await cluster.releaseAll().catch((err) => logger.warn({ err }, "could not release session leases; they expire instead"));
      await gradingThread.close();
      await regradeThread.close();
      await packReader?.close();
      await sandbox?.close();
      await new Promise<void>((resolve) => void io!.close(() => resolve()));
      await redis?.close();
      await database.close();
    },
  };
}

/**
 * With a model configured: a model interviewer (falling back to the offline
 * one), the bounded LLM judge and the prompt lab. Without one: fully offline.
 */
function modelDeps(model: ModelConfig | null, metrics: Metrics) {
  const offline = createOfflineInterviewer();
  if (!model) return { interviewer: offline };
  // Every call counted (calls, duration, tokens, cost) by the model it went to.
  const chat = (name: string) => createChatModel(model, name, [modelCallObserver(metrics, name, model.prices)]);
  const judge = createJudge(chat(model.judgeModel), { model: model.judgeModel, timeoutMs: model.timeoutMs });
  const labChat = chat(model.labModel);
  const interviewerModel = model.interviewerModel ?? model.judgeModel;
  const interviewer = createModelInterviewer({
    chat: chat(interviewerModel),
    model: interviewerModel,
    timeoutMs: model.timeoutMs,
    offline,
  });
  return {
    interviewer,
    judge,
    runLab: (lab: PromptLab, fixed: string) => runLab(labChat, lab, fixed, model.timeoutMs),
    tokenBudget: model.tokenBudget ?? null,
    ...(model.prices ? { prices: model.prices } : {}),
  };
}
