import { hostname } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";
import { INCOMING_BYTES_PER_ADDRESS } from "./contracts/index.js";
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from "./cluster/index.js";
import { defaultAllowedHosts, DEFAULT_RATE_LIMITS, type RateLimitConfig } from "./limits/index.js";
import type { ModelConfig } from "./llm/index.js";
import { GRADING_CPU_MS } from "./interview/grading-thread/index.js";
import type { PostgresTarget } from "./store/index.js";
import type { RedisConfig } from "./redis/index.js";
import type { SandboxOptions } from "./sandbox/index.js";

/** Every environment variable the server reads, parsed once. */
const PricesSchema = z.record(z.string(), z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** PostgreSQL instead of the SQLite file in DATA_DIR; several instances may then share it. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { message: "must be a PostgreSQL URL such as postgres://user@host:5432/db" })
    .optional(),
  /** The PostgreSQL schema for every table (app, migrations, checkpoints), created if missing; "public" when unset. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: "must be lower-case letters, digits and underscores" })
    .optional(),
  // At least 2: start-up holds one connection for the migration lock while migrating on another.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(10),
  CLUSTER_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(DEFAULT_CLUSTER_OPTIONS.leaseMs),
  CLUSTER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(DEFAULT_CLUSTER_OPTIONS.pollMs),
  PACKS_DIR: z.string().min(1).default("./scenarios"),
  CLIENT_DIST: z.string().min(1).default("./dist/client"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SANDBOX_CPU_SECONDS: z.coerce.number().positive().max(60).default(5),
  SANDBOX_TEST_MS: z.coerce.number().int().positive().max(30_000).default(2000),
  SANDBOX_MEMORY_MB: z.coerce.number().int().min(32).max(4096).default(256),
  SANDBOX_OUTPUT_KB: z.coerce.number().int().positive().max(10_240).default(64),
  SANDBOX_PROCESSES: z.coerce.number().int().min(1).max(1024).default(32),
  SANDBOX_PYTHON_POOL: z.coerce.number().int().min(0).max(64).default(2),
  SANDBOX_TS_WORKERS: z.coerce.number().int().min(1).max(32).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ message: "must be a URL such as http://localhost:8080/v1" }).optional(),
  JUDGE_MODEL: z.string().min(1).default("gpt-4o-mini"),
  INTERVIEWER_MODEL: z.string().min(1).default("gpt-4o-mini"),
  SESSION_TOKEN_BUDGET: z.coerce.number().int().min(0).default(60_000),
  MODEL_PRICES: z
    .string()
    .default('{"gpt-4o-mini":{"input":0.15,"output":0.6},"gpt-4o":{"input":2.5,"output":10}}')
    .transform((s, ctx) => {
      try {
        return PricesSchema.parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: "custom", message: 'must be JSON like {"model":{"input":0.15,"output":0.6}} (USD per 1M tokens)' });
        return z.NEVER;
      }
    }),
  LAB_MODEL: z.string().min(1).optional(),
  MODEL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  /** CPU time one grading reading may take in the grading thread before it is stopped (GRADING_TIMEOUT). */
  GRADING_CPU_SECONDS: z.coerce
    .number()
    .positive()
    .max(600)
    .default(GRADING_CPU_MS / 1000),
  // Rate limits (events or requests per window; see server/limits/rate-limits.ts for what each counts).
  RATE_SOCKET_PER_CONNECTION_10S: z.coerce.number().int().min(1).max(1e6).default(DEFAULT_RATE_LIMITS.socketPerConnection.points),
  RATE_SOCKET_PER_ADDRESS_10S: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.socketPerAddress.points),
  RATE_SOCKET_GLOBAL_10S: z.coerce.number().int().min(1).max(1e8).default(DEFAULT_RATE_LIMITS.socketGlobal.points),
  RATE_STARTS_PER_CONNECTION_MIN: z.coerce.number().int().min(1).max(1e6).default(DEFAULT_RATE_LIMITS.startsPerConnection.points),
  RATE_STARTS_PER_ADDRESS_MIN: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.startsPerAddress.points),
  RATE_INVITE_STARTS_PER_ADDRESS_MIN: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.inviteStartsPerAddress.points),
  RATE_STARTS_PER_TEAM_MIN: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.startsPerTeam.points),
  RATE_STARTS_GLOBAL_10S: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.startsGlobal.points),
  RATE_CONNECTIONS_PER_ADDRESS_MIN: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.connectionsPerAddress.points),
  RATE_CONNECTIONS_GLOBAL_10S: z.coerce.number().int().min(1).max(1e8).default(DEFAULT_RATE_LIMITS.connectionsGlobal.points),
  RATE_HTTP_PER_ADDRESS_10S: z.coerce.number().int().min(1).max(1e7).default(DEFAULT_RATE_LIMITS.httpPerAddress.points),
  RATE_HTTP_GLOBAL_10S: z.coerce.number().int().min(1).max(1e8).default(DEFAULT_RATE_LIMITS.httpGlobal.points),
  /** "true" behind a reverse proxy you run: client addresses and https come from X-Forwarded-*. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  SOCKET_MB_PER_ADDRESS_10S: z.coerce
    .number()
    .min(1)
    .max(100_000)
    .default(INCOMING_BYTES_PER_ADDRESS / 1_000_000),
  /** Browser origins (comma-separated, or *) allowed to open the socket besides the server's own. */
  SOCKET_ORIGINS: z.string().default(""),
  ALLOWED_HOSTS: z.string().max(4_000).default(""),
  /** Redis for several instances (socket.io adapter, shared rate limits); unset keeps everything in memory. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: "must be a URL such as redis://127.0.0.1:6379 (or rediss:// for TLS)" })
    .optional(),
  /** Prefix of every Redis key and pub/sub channel: deployments sharing a Redis must use different ones. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,40}$/, { message: "must be 1-40 letters, digits, _ . or -" })
    .default("mock-interview"),
  /** Bearer token /api/metrics asks for; unset serves metrics without one (keep the port private then). */
  METRICS_TOKEN: z.string().min(16, { message: "must be at least 16 characters" }).optional(),
  /** This instance's name in logs and in Redis's CLIENT LIST; the host name and pid by default. */
  INSTANCE_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/, { message: "must be 1-64 letters, digits, _ . or -" })
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** The SQLite file holding app tables and LangGraph checkpoints (unused when `postgres` is set). */
  databaseFile: string;
  /** DATABASE_URL: PostgreSQL holds everything instead, and instances coordinate through it. */
  postgres: PostgresTarget | null;
  cluster: Pick<ClusterOptions, "leaseMs" | "pollMs">;
  packsDir: string;
  clientDist: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** The grading thread's CPU-time bound on one reading (GRADING_CPU_SECONDS). */
  gradingThread: { cpuMs: number };
  sandbox: SandboxOptions;
  /** A model for the judge and the prompt lab; null runs fully offline. */
  model: ModelConfig | null;
  rateLimits: RateLimitConfig;
  trustProxy: boolean;
  /** Bytes all socket connections of one address may send per 10 s (server/realtime/byte-budget.ts). */
  socketBytesPerAddress: number;
  allowedOrigins: string[];
  /** Host names requests may name (DNS rebinding); null: any. */
  allowedHosts: string[] | null;
  redis: RedisConfig | null;
  metricsToken: string | null;
  instanceId: string;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as a shell `FOO= npm start` means.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      // URLs may carry a password, and a token is a secret: name the variable, never echo it.
      const shown = ["DATABASE_URL", "REDIS_URL", "METRICS_TOKEN"].includes(key) ? "(hidden)" : JSON.stringify(env[key]);
      return `  ${key}=${shown}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: resolve(dataDir, "interview.db"),
    postgres: e.DATABASE_URL
      ? { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
      : null,
    cluster: { leaseMs: e.CLUSTER_LEASE_MS, pollMs: e.CLUSTER_POLL_MS },
    packsDir: resolve(e.PACKS_DIR),
    clientDist: resolve(e.CLIENT_DIST),
    logLevel: e.LOG_LEVEL,
    gradingThread: { cpuMs: Math.round(e.GRADING_CPU_SECONDS * 1000) },
    sandbox: {
      limits: {
        cpuSeconds: e.SANDBOX_CPU_SECONDS,
        perTestMs: e.SANDBOX_TEST_MS,
        memoryMb: e.SANDBOX_MEMORY_MB,
        outputBytes: e.SANDBOX_OUTPUT_KB * 1024,
        processes: e.SANDBOX_PROCESSES,
        fileSizeMb: 16,
        openFiles: 64,
      },
      pythonPool: e.SANDBOX_PYTHON_POOL,
      typescriptWorkers: e.SANDBOX_TS_WORKERS,
    },
    rateLimits: {
      socketPerConnection: { points: e.RATE_SOCKET_PER_CONNECTION_10S, seconds: 10 },
      socketPerAddress: { points: e.RATE_SOCKET_PER_ADDRESS_10S, seconds: 10 },
      socketGlobal: { points: e.RATE_SOCKET_GLOBAL_10S, seconds: 10 },
      startsPerConnection: { points: e.RATE_STARTS_PER_CONNECTION_MIN, seconds: 60 },
      startsPerAddress: { points: e.RATE_STARTS_PER_ADDRESS_MIN, seconds: 60 },
      inviteStartsPerAddress: { points: e.RATE_INVITE_STARTS_PER_ADDRESS_MIN, seconds: 60 },
      startsPerTeam: { points: e.RATE_STARTS_PER_TEAM_MIN, seconds: 60 },
      startsGlobal: { points: e.RATE_STARTS_GLOBAL_10S, seconds: 10 },
      connectionsPerAddress: { points: e.RATE_CONNECTIONS_PER_ADDRESS_MIN, seconds: 60 },
      connectionsGlobal: { points: e.RATE_CONNECTIONS_GLOBAL_10S, seconds: 10 },
      httpPerAddress: { points: e.RATE_HTTP_PER_ADDRESS_10S, seconds: 10 },
      httpGlobal: { points: e.RATE_HTTP_GLOBAL_10S, seconds: 10 },
    },
    trustProxy: e.TRUST_PROXY === "true",
    socketBytesPerAddress: Math.round(e.SOCKET_MB_PER_ADDRESS_10S * 1_000_000),
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    allowedHosts: defaultAllowedHosts(
      e.HOST,
      e.ALLOWED_HOSTS.split(",")
        .map((h) => h.trim())
        .filter(Boolean),
    ),
    allowedOrigins: e.SOCKET_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    model: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL ?? null,
          judgeModel: e.JUDGE_MODEL,
          labModel: e.LAB_MODEL ?? e.JUDGE_MODEL,
          interviewerModel: e.INTERVIEWER_MODEL,
          timeoutMs: e.MODEL_TIMEOUT_MS,
          tokenBudget: e.SESSION_TOKEN_BUDGET,
          prices: e.MODEL_PRICES,
        }
      : null,
  };
}
