import type { Kysely, Selectable } from "kysely";
import type { AnswersTable, Database } from "./tables.js";

export type AnswerRow = Selectable<AnswersTable>;

export function createAnswersRepo(db: Kysely<Database>) {
  return {
    /** Insert unless this submission id was seen; returns false for a duplicate. */
    async insertOnce(row: AnswerRow): Promise<boolean> {
      const result = await db
        .insertInto("answers")
        .values(row)
        .onConflict((oc) => oc.columns(["session_id", "submission_id"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async get(sessionId: string, submissionId: string): Promise<AnswerRow | undefined> {
      return db
        .selectFrom("answers")
        .selectAll()
        .where("session_id", "=", sessionId)
        .where("submission_id", "=", submissionId)
        .executeTakeFirst();
    },
    /** The candidate's submitted answer to this question, if any (a question takes one submit). */
    async submittedFor(sessionId: string, questionId: string): Promise<AnswerRow | undefined> {
      return db
        .selectFrom("answers")
        .selectAll()
        .where("session_id", "=", sessionId)
        .where("question_id", "=", questionId)
        .where("reason", "=", "submit")
        .orderBy("created_at", "desc")
        .executeTakeFirst();
    },
    async countForSession(sessionId: string): Promise<number> {
      const row = await db
        .selectFrom("answers")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("session_id", "=", sessionId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
