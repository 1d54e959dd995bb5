import { sql, type Kysely, type Selectable } from "kysely";
import type { Database } from "./tables.js";
import type { IntegritySignalsTable } from "./team-tables.js";

export type SignalRow = Selectable<IntegritySignalsTable>;
export type NewSignal = { kind: string; questionId: string | null; chars: number | null; durationMs: number | null };

export function createSignalsRepo(db: Kysely<Database>) {
  return {
    async count(sessionId: string): Promise<number> {
      const row = await db
        .selectFrom("integrity_signals")
        .select(sql<number>`count(*)`.as("n"))
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Append a batch with consecutive seqs, in one transaction (so two batches never share a seq). */
    async append(sessionId: string, signals: NewSignal[], now: number): Promise<void> {
      if (signals.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("integrity_signals")
          .select(sql<number>`coalesce(max(seq), 0)`.as("last"))
          .where("session_id", "=", sessionId)
          .executeTakeFirst();
        const last = Number(row?.last ?? 0);
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
