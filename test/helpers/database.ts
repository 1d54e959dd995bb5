import { createHash, randomUUID } from "node:crypto";
import { createStore, type OpenDatabase, type PostgresTarget } from "../../server/store/index.js";

/**
 * With DATABASE_URL set (scripts/test.mjs points it at a fresh database per
 * run), the servers tests start run on PostgreSQL. Each SQLite path a test
 * would have used becomes a schema of its own: fresh for a new path, the same
 * for the same path, so "restart on the same database" tests work unchanged
 * and test files running in parallel never see each other's rows.
 */
export const testPostgresUrl: string | null = process.env.DATABASE_URL || null;

export function postgresFor(databaseFile: string): PostgresTarget | null {
  if (!testPostgresUrl) return null;
  const seed = databaseFile === ":memory:" ? randomUUID() : databaseFile;
  return { url: testPostgresUrl, schema: `t_${createHash("sha256").update(seed).digest("hex").slice(0, 24)}`, poolSize: 4 };
}

/**
 * For tests that only mean something on PostgreSQL: the URL, or null with the
 * reason printed. Under CI=true a missing DATABASE_URL is a failure, never a skip.
 */
export function requirePostgres(what: string): string | null {
  if (testPostgresUrl) return testPostgresUrl;
  if (process.env.CI === "true") throw new Error(`${what} needs PostgreSQL: CI=true but DATABASE_URL is not set (.ci/run sets it)`);
  console.warn(`skipping ${what}: DATABASE_URL is not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)`);
  return null;
}

/** A session row with nothing behind it (no graph thread): store-level tests of leases and signals need only the row. */
export async function insertBareSession(db: OpenDatabase["db"], id: string, createdAt = 0): Promise<void> {
  await createStore(db).sessions.insert({
    id,
    resume_token_hash: "x",
    pack_id: "mini",
    pack_version: 1,
    mode: "timed",
    level: null,
    plan_json: "{}",
    status: "active",
    created_at: createdAt,
  });
}
