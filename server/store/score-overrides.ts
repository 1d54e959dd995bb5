import type { Kysely, Selectable } from "kysely";
import type { Database } from "./tables.js";
import type { ScoreOverridesTable } from "./team-tables.js";

export type OverrideRow = Selectable<ScoreOverridesTable>;

/** The audit trail of reviewers' score changes: append-only, never updated or deleted. */
export function createOverridesRepo(db: Kysely<Database>) {
  return {
    async insert(row: OverrideRow): Promise<void> {
      await db.insertInto("score_overrides").values(row).execute();
    },
    async forSession(sessionId: string): Promise<OverrideRow[]> {
      return db.selectFrom("score_overrides").selectAll().where("session_id", "=", sessionId).orderBy("created_at").orderBy("id").execute();
    },
    async forSessions(sessionIds: string[]): Promise<OverrideRow[]> {
      if (sessionIds.length === 0) return [];
      return db
        .selectFrom("score_overrides")
        .selectAll()
        .where("session_id", "in", sessionIds)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
  };
}
