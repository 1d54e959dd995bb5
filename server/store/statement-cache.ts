import type SQLite from "better-sqlite3";

/** Distinct SQL texts kept compiled; queries with variable-length lists make more, so the oldest go first. */
const STATEMENTS_KEPT = 1000;

/**
 * The connection with `prepare` remembered per SQL text. Kysely and the
 * LangGraph SqliteSaver call `prepare` for every query, and compiling the SQL
 * was a tenth of a graph step's CPU. A compiled statement is reusable as long
 * as nobody changes its mode (pluck/raw/expand) or iterates it while running
 * it again; neither Kysely's driver (all/run) nor the saver does, and the
 * server's own code goes through them.
 */
export function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const kept = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let statement = kept.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      // Native methods need the real connection as `this`.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
