import type { Kysely, Selectable } from "kysely";
import type { Database, DraftsTable } from "./tables.js";

export type DraftRow = Selectable<DraftsTable>;

export function createDraftsRepo(db: Kysely<Database>) {
  return {
    /** Keep only the latest draft per question: autosave overwrites. */
    async upsert(row: DraftRow): Promise<void> {
      await db
        .insertInto("drafts")
        .values(row)
        .onConflict((oc) =>
          oc.columns(["session_id", "question_id"]).doUpdateSet({
            text: row.text,
            code: row.code,
            language: row.language,
            saved_at: row.saved_at,
          }),
        )
        .execute();
    },
    async get(sessionId: string, questionId: string): Promise<DraftRow | undefined> {
      return db
        .selectFrom("drafts")
        .selectAll()
        .where("session_id", "=", sessionId)
        .where("question_id", "=", questionId)
        .executeTakeFirst();
    },
  };
}
