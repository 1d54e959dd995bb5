import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createApp, type App, type AppDeps } from "../../server/app.js";
import type { Clock } from "../../server/interview/index.js";
import type { RateLimitConfig } from "../../server/limits/index.js";
import type { ModelConfig } from "../../server/llm/index.js";
import type { SandboxOptions } from "../../server/sandbox/index.js";
import type { Pack } from "../../server/scenarios/index.js";
import type { RedisConfig } from "../../server/redis/index.js";
import type { ClusterOptions } from "../../server/cluster/index.js";
import type { PackReaderOptions } from "../../server/packs/index.js";
import { postgresFor } from "./database.js";

export type TestServer = { app: App; url: string; databaseFile: string; close(): Promise<void> };

export function tempDatabaseFile(): string {
  return join(mkdtempSync(join(tmpdir(), "mi-test-")), "interview.db");
}

/** The real app on an ephemeral port, on a fresh (or given) SQLite file, or its own PostgreSQL schema when DATABASE_URL is set. */
export async function startTestServer(options: {
  packs: Pack[];
  databaseFile?: string;
  clientDist?: string | null;
  sandbox?: SandboxOptions | null;
  model?: ModelConfig | null;
  clock?: Clock;
  /** The app's clock (default Date.now) when no manual clock is given. */
  now?: () => number;
  rateLimits?: RateLimitConfig | null;
  trustProxy?: boolean;
  allowedOrigins?: string[];
  /** Host names the app answers to (null or absent: any), as ALLOWED_HOSTS sets them. */
  allowedHosts?: string[] | null;
  /** Redis for broadcasts and rate limits shared with other apps on the same prefix. */
  redis?: RedisConfig;
  metricsToken?: string;
  /** Recover the sessions left active in the database once listening (as the real start does); default true. */
  recover?: boolean;
  /** The app's logger (silent when absent); tests that read the log pass one. */
  logger?: Logger;
  /** PostgreSQL only: lease and poll timings (tests shorten them). */
  cluster?: Partial<ClusterOptions>;
  /** The pack reader's bounds (a test's own timer), or null to read packs on the event loop. */
  packReader?: PackReaderOptions | null;
  /** The grading thread's bound, timer and CPU clock, or a worker module in place of the grader's. */
  gradingThread?: AppDeps["gradingThread"];
}): Promise<TestServer> {
  const databaseFile = options.databaseFile ?? tempDatabaseFile();
  // random: () => 0 keeps pack order among equally suitable questions, so tests know what comes.
  const postgres = postgresFor(databaseFile);
  const app = await createApp({
    databaseFile,
    ...(postgres ? { postgres } : {}),
    ...(options.cluster ? { cluster: options.cluster } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    builtinPacks: options.packs,
    clientDist: options.clientDist ?? null,
    random: () => 0,
    ...(options.sandbox !== undefined ? { sandbox: options.sandbox } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    ...(options.packReader !== undefined ? { packReader: options.packReader } : {}),
    ...(options.gradingThread ? { gradingThread: options.gradingThread } : {}),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  // As the real start does: recover only once listening. Awaited here so tests see a settled server.
  if (options.recover !== false) await app.startRecovery();
  const { port } = app.httpServer.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, databaseFile, close: () => app.close() };
}
