import { PostgresAdapter, sql, type Kysely, type Selectable } from "kysely";
import type { Database } from "./tables.js";
import type { IntegritySignalsTable } from "./team-tables.js";

export type SignalRow = Selectable<IntegritySignalsTable>;
export type NewSignal = { kind: string; questionId: string | null; chars: number | null; durationMs: number | null };

export function createSignalsRepo(db: Kysely<Database>) {
  /** PostgreSQL has concurrent writers to order with row locks; SQLite (one connection) has neither. */
  const rowLocks = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    /**
     * Append a batch with consecutive seqs, unless it would take the session past `max` signals.
     * One transaction that first locks the session's row on PostgreSQL: batches of one session
     * arriving at once (on one instance or several) take turns, so two never read the same last seq
     * (a duplicate key) and the cap is checked against what is really stored. SQLite has one writer.
     */
    async append(sessionId: string, signals: NewSignal[], now: number, max: number): Promise<{ appended: boolean; stored: number }> {
      return db.transaction().execute(async (trx) => {
        if (rowLocks) await trx.selectFrom("sessions").select("id").where("id", "=", sessionId).forUpdate().execute();
        const row = await trx
          .selectFrom("integrity_signals")
          .select([sql<number>`coalesce(max(seq), 0)`.as("last"), sql<number>`count(*)`.as("n")])
          .where("session_id", "=", sessionId)
          .executeTakeFirst();
        const last = Number(row?.last ?? 0);
        const stored = Number(row?.n ?? 0);
        if (signals.length === 0 || stored + signals.length > max) return { appended: false, stored };
        await trx
          .insertInto("integrity_signals")
          .values(
            signals.map((s, i) => ({
              session_id: sessionId,
              seq: last + i + 1,
              kind: s.kind,
              question_id: s.questionId,
              chars: s.chars,
              duration_ms: s.durationMs,
              created_at: now,
            })),
          )
          .execute();
        return { appended: true, stored: stored + signals.length };
      });
    },
    async forSession(sessionId: string): Promise<SignalRow[]> {
      return db.selectFrom("integrity_signals").selectAll().where("session_id", "=", sessionId).orderBy("seq").execute();
    },
    async forSessions(sessionIds: string[]): Promise<SignalRow[]> {
      if (sessionIds.length === 0) return [];
      return db
        .selectFrom("integrity_signals")
        .selectAll()
        .where("session_id", "in", sessionIds)
        .orderBy("session_id")
        .orderBy("seq")
        .execute();
    },
  };
}
