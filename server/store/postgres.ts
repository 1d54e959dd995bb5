import pg from "pg";
import { Kysely, PostgresDialect } from "kysely";
import type { Database } from "./tables.js";

/** Where the app's PostgreSQL data lives: DATABASE_URL, an optional schema (tests use one each) and the pool size. */
export type PostgresTarget = {
  url: string;
  /** Tables (app, migrations, checkpoints) go in this schema, created if missing; the URL's default when absent. */
  schema?: string | null;
  /** Connections this instance may hold at once. */
  poolSize?: number;
  /** Shown in pg_stat_activity, so an operator (or a test) can tell instances apart. */
  applicationName?: string;
};

export type PostgresHandle = { pool: pg.Pool; db: Kysely<Database>; schema: string };

const INT8_OID = 20;

/**
 * Timestamps are bigint columns (milliseconds); pg hands int8 back as strings
 * by default. They stay far below 2^53, so this pool parses them to numbers
 * (and count(*), also int8). Only this pool's connections: nothing global changes.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(target: PostgresTarget): Promise<PostgresHandle> {
  const schema = target.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) throw new Error(`schema "${schema}" must be lower-case letters, digits and underscores`);
  if (schema !== "public") {
    // A short-lived client of its own: the pool's connections all start in this schema.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } catch (err) {
      // Two instances creating it at once: one wins, the other sees it exists.
      if ((err as { code?: string }).code !== "23505") throw err;
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    types,
    application_name: target.applicationName ?? "mock-interview",
    ...(schema !== "public" ? { options: `-c search_path="${schema}"` } : {}),
  });
  // A connection the server drops (a PostgreSQL restart, a terminated backend) must not crash the process:
  // the query on it fails (and is retried or reported by its caller), the pool opens a new one next time.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { pool, db, schema };
}
