import { createServer, type Server as HttpServer } from "node:http";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { createHttpApp } from "./http/index.js";
import {
  compileInterviewGraph,
  createGradingQueue,
  createGradingThread,
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
import { createSocketServer, roomOf, type InterviewIo } from "./realtime/index.js";
import { createPackLibrary, verifyReferenceSolutions, type PackLibrary } from "./packs/index.js";
import { createSandbox, DEFAULT_LIMITS, type Sandbox, type SandboxOptions } from "./sandbox/index.js";
import type { LocatedPack, Pack, PromptLab } from "./scenarios/index.js";
import { createTeamDesk, createTeams, type TeamDesk, type Teams } from "./teams/index.js";
import { createStore, openDatabase, type OpenDatabase, type PostgresTarget } from "./store/index.js";
import { createCluster, type ClusterOptions } from "./cluster/index.js";

export type AppDeps = {
  /** SQLite file for app tables and checkpoints (":memory:" for throwaway tests); unused when `postgres` is set. */
  databaseFile: string;
  /** PostgreSQL for everything instead (DATABASE_URL): several instances may share it. */
  postgres?: PostgresTarget | null;
  /** Leases and polling between instances on PostgreSQL (server/cluster/). */
  cluster?: Partial<ClusterOptions>;
  /** This instance's name among several (default: a random UUID). */
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
  /** A model for the LLM judge and the prompt lab; absent or null runs offline. */
  model?: ModelConfig | null;
  /** Rate limits (defaults when absent); null turns them off (benchmarks of the bare path). */
  rateLimits?: RateLimitConfig | null;
  /** Where limiter counts live: memory by default, a Redis-backed factory to share them. */
  limiterStore?: LimiterFactory;
  /** Client address and https from X-Forwarded-* (behind a proxy you run). */
  trustProxy?: boolean;
  /** Browser origins allowed to open the socket besides the server's own. */
  allowedOrigins?: string[];
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
  io: InterviewIo;
  service: InterviewService;
  packs: PackLibrary;
  teams: Teams;
  /** Invites, signals, review (issue 13). */
  teamDesk: TeamDesk;
  sandbox: Sandbox | null;
  close(): Promise<void>;
};

/** Build the whole server from its dependencies; the caller decides where to listen. */
export async function createApp(deps: AppDeps): Promise<App> {
  const logger = deps.logger ?? pino({ level: "silent" });
  const now = deps.clock?.now ?? deps.now ?? Date.now;
  const clock: Clock = deps.clock ?? { now, setTimer: realClock.setTimer };
  const instanceId = deps.instanceId ?? randomUUID();
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
  const sandbox: Sandbox | null =
    deps.sandbox === null
      ? null
      : createSandbox({ ...(deps.sandbox ?? { limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1 }), logger });

  const limits = deps.rateLimits === null ? null : createRateLimits(deps.rateLimits ?? DEFAULT_RATE_LIMITS, deps.limiterStore);
  const httpServer = createServer();
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
  const gradeLater = createGradingQueue({ concurrency: 2, logger });
  const gradingThread = createGradingThread();
  const graph = compileInterviewGraph(
    {
      packs,
      emit,
      gradeLater,
      gradeAnswers: gradingThread.grade,
      // owner: the session, so grading runs queue round-robin with everyone's code:run.
      ...(sandbox ? { runTests: (question, language, code, owner) => sandbox.runTests(question, language, code, "all", { owner }) } : {}),
      ...modelDeps(deps.model ?? null),
      now,
      sink: {
        saveReport: (report) => store.sessions.complete(report.sessionId, JSON.stringify(report), now()),
      },
    },
    checkpointer,
  );
  const service = createInterviewService({
    graph,
    store,
    packs,
    now,
    logger,
    sandbox,
    onStepDone: (id) => gradeLater.start(id),
    ...(deps.clock ? { setTimer: deps.clock.setTimer } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(cluster.sessionGuard ? { sessionGuard: cluster.sessionGuard } : {}),
  });
  const teamDesk = createTeamDesk({ store, teams, packs, service, now, model: deps.model ?? null });
  const http = createHttpApp({
    packs,
    teams,
    service,
    history: createHistory({ store, packs, now }),
    // Uploaded reference solutions run in the same sandbox as candidates' code, never unconfined.
    ...(sandbox ? { verifyPack: async (located: LocatedPack) => (await verifyReferenceSolutions(located, sandbox)).issues } : {}),
    logger,
    clientDist: deps.clientDist ?? null,
    pingDatabase: database.ping,
    limits,
    trustProxy: deps.trustProxy ?? false,
    recovering: () => recovering,
    teamDesk,
  });
  httpServer.on("request", http);
  io = createSocketServer(httpServer, service, teams, logger, {
    limits,
    trustProxy: deps.trustProxy ?? false,
    allowedOrigins: deps.allowedOrigins ?? [],
  });

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
    io,
    service,
    packs,
    teams,
    teamDesk,
    sandbox,
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
      await sandbox?.close();
      await new Promise<void>((resolve) => void io!.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * With a model configured: a model interviewer (falling back to the offline
 * one), the bounded LLM judge and the prompt lab. Without one: fully offline.
 */
function modelDeps(model: ModelConfig | null) {
  const offline = createOfflineInterviewer();
  if (!model) return { interviewer: offline };
  const judge = createJudge(createChatModel(model, model.judgeModel), { model: model.judgeModel, timeoutMs: model.timeoutMs });
  const labChat = createChatModel(model, model.labModel);
  const interviewerModel = model.interviewerModel ?? model.judgeModel;
  const interviewer = createModelInterviewer({
    chat: createChatModel(model, interviewerModel),
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
