import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { sql, type Kysely } from "kysely";
import type pg from "pg";
import { migrateToLatest } from "./migrations.js";
import { openPostgres, type PostgresTarget } from "./postgres.js";
import { openSqlite } from "./sqlite.js";
import type { Database } from "./tables.js";

/** SQLite in a file (one process, the default) or PostgreSQL (DATABASE_URL; several instances may share it). */
export type DatabaseTarget = { kind: "sqlite"; file: string } | ({ kind: "postgres" } & PostgresTarget);

/** The app's tables and LangGraph's checkpoints, migrated and ready. */
export type OpenDatabase = {
  dialect: "sqlite" | "postgres";
  db: Kysely<Database>;
  checkpointer: BaseCheckpointSaver;
  /** PostgreSQL only: the pool (the cluster module fences checkpoint writes through it). */
  pool: pg.Pool | null;
  /** PostgreSQL only: the schema holding the tables. */
  schema: string | null;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** Any number that is the same on every instance: the lock migrations run under. */
const MIGRATION_LOCK = 7_304_150_001;

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === "sqlite") {
    const { sqlite, db } = openSqlite(target.file);
    await migrateToLatest(db);
    return {
      dialect: "sqlite",
      db,
      // One connection for both, so app tables and checkpoints share one file and one WAL.
      checkpointer: new SqliteSaver(sqlite),
      pool: null,
      schema: null,
      ping: async () => void sqlite.prepare("select 1").get(),
      close: () => db.destroy(),
    };
  }
  const { pool, db, schema } = await openPostgres(target);
  const checkpointer = new PostgresSaver(pool, undefined, { schema });
  try {
    // Instances starting together: one migrates, the others wait and find it done.
    // (Kysely's migrator locks its own tables; the checkpointer's setup does not.)
    const lockClient = await pool.connect();
    try {
      await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrateToLatest(db, { schema });
      await checkpointer.setup();
    } finally {
      await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      lockClient.release();
    }
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return {
    dialect: "postgres",
    db,
    checkpointer,
    pool,
    schema,
    ping: async () => void (await sql`select 1`.execute(db)),
    // db.destroy() ends the pool the checkpointer shares.
    close: () => db.destroy(),
  };
}
