import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { withStatementCache } from "./statement-cache.js";
import type { Database } from "./tables.js";

export type SqliteHandle = { sqlite: SQLite.Database; db: Kysely<Database> };

/**
 * One SQLite connection shared by Kysely (app tables) and the LangGraph
 * SqliteSaver (checkpoints), so both live in one file and one WAL.
 */
export function openSqlite(file: string): SqliteHandle {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = withStatementCache(new SQLite(file));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}
