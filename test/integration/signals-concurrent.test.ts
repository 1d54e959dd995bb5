import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, openDatabase, type OpenDatabase } from "../../server/store/index.js";
import { insertBareSession, postgresFor } from "../helpers/database.js";
import { tempDatabaseFile } from "../helpers/server.js";

/**
 * Integrity-signal batches of one session arriving at once (a candidate's
 * browser retrying, or two tabs; on PostgreSQL, on two instances): each batch
 * gets consecutive seqs of its own and the session's cap holds. On SQLite one
 * connection serialises them anyway; on PostgreSQL they race on separate
 * pooled connections.
 */
describe("integrity signals appended concurrently", () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    const file = tempDatabaseFile();
    const postgres = postgresFor(file);
    database = await openDatabase(postgres ? { kind: "postgres", ...postgres, poolSize: 8 } : { kind: "sqlite", file });
  });
  afterAll(async () => {
    await database?.close();
  });
  const newSession = (id: string) => insertBareSession(database.db, id);
  const paste = (chars: number) => ({ kind: "paste", questionId: "q1", chars, durationMs: null });

  it("gives every batch its own consecutive seqs, none lost", async () => {
    const signals = createStore(database.db).signals;
    await newSession("sig-1");
    const batches = Array.from({ length: 8 }, (_, b) => [paste(b * 10 + 1), paste(b * 10 + 2), paste(b * 10 + 3)]);
    const results = await Promise.all(batches.map((batch) => signals.append("sig-1", batch, 1, 1_000)));
    expect(results.every((r) => r.appended)).toBe(true);
    const rows = await signals.forSession("sig-1");
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    // A batch's signals sit together, in order.
    for (let i = 0; i < rows.length; i += 3) {
      const first = rows[i]!.chars!;
      expect(rows.slice(i, i + 3).map((r) => r.chars)).toEqual([first, first + 1, first + 2]);
    }
  });

  it("keeps the session's cap when batches race for its last places", async () => {
    const signals = createStore(database.db).signals;
    await newSession("sig-2");
    const results = await Promise.all(Array.from({ length: 6 }, () => signals.append("sig-2", [paste(1), paste(2)], 1, 7)));
    expect(results.filter((r) => r.appended)).toHaveLength(3);
    expect(results.filter((r) => !r.appended).every((r) => r.stored === 6)).toBe(true);
    expect(await signals.forSession("sig-2")).toHaveLength(6);
  });
});
