import type { Kysely } from "kysely";
import type { CriterionScore } from "../contracts/index.js";
import type { Database } from "./tables.js";

export function createGradesRepo(db: Kysely<Database>) {
  return {
    /** Replace the grades of one question (a regrade overwrites). */
    async saveQuestion(sessionId: string, questionId: string, scores: CriterionScore[], now: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("grades").where("session_id", "=", sessionId).where("question_id", "=", questionId).execute();
        if (scores.length === 0) return;
        await trx
          .insertInto("grades")
          .values(
            scores.map((s) => ({
              session_id: sessionId,
              question_id: questionId,
              criterion_id: s.criterionId,
              score: s.score,
              evidence_json: JSON.stringify(s.evidence),
              feedback: s.feedback,
              source: s.source,
              insufficient: s.insufficientEvidence ? 1 : 0,
              created_at: now,
            })),
          )
          .execute();
      });
    },
    async forSession(sessionId: string) {
      return db.selectFrom("grades").selectAll().where("session_id", "=", sessionId).execute();
    },
  };
}
