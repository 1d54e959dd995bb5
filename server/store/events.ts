import { sql, type Kysely } from "kysely";
import type { Database } from "./tables.js";

export type StoredEvent = { seq: number; type: string; payload: Record<string, unknown> };

export function createEventsRepo(db: Kysely<Database>) {
  return {
    /**
     * Append an event and return its per-session seq (1, 2, 3, ...), or null
     * when an event with the same key was already stored (a step re-run after a crash).
     */
    async append(sessionId: string, type: string, payload: object, now: number, key: string | null = null): Promise<number | null> {
      // One statement picks the next seq and inserts it, so two appends cannot share a seq.
      const row = await db
        .insertInto("events")
        .columns(["session_id", "seq", "type", "payload_json", "created_at", "event_key"])
        .expression(
          db
            .selectFrom("events")
            .select([
              // Typed casts: PostgreSQL reads a bare parameter in a select list as text, whatever column it goes to.
              sql<string>`cast(${sessionId} as text)`.as("session_id"),
              sql<number>`coalesce(max(seq), 0) + 1`.as("seq"),
              sql<string>`cast(${type} as text)`.as("type"),
              sql<string>`cast(${JSON.stringify(payload)} as text)`.as("payload_json"),
              sql<number>`cast(${now} as bigint)`.as("created_at"),
              sql<string | null>`cast(${key} as text)`.as("event_key"),
            ])
            .where("session_id", "=", sessionId),
        )
        .onConflict((oc) => oc.columns(["session_id", "event_key"]).doNothing())
        .returning("seq")
        .executeTakeFirst();
      return row?.seq ?? null;
    },
    async after(sessionId: string, afterSeq: number): Promise<StoredEvent[]> {
      const rows = await db
        .selectFrom("events")
        .select(["seq", "type", "payload_json"])
        .where("session_id", "=", sessionId)
        .where("seq", ">", afterSeq)
        .orderBy("seq")
        .execute();
      return rows.map((r) => ({ seq: r.seq, type: r.type, payload: JSON.parse(r.payload_json) }));
    },
    async lastSeq(sessionId: string): Promise<number> {
      const row = await db
        .selectFrom("events")
        .select(sql<number | null>`max(seq)`.as("seq"))
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      return row?.seq ?? 0;
    },
  };
}
