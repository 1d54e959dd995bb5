import type { Kysely, Selectable } from "kysely";
import type { Database, SessionsTable } from "./tables.js";

export type SessionRow = Selectable<SessionsTable>;

export function createSessionsRepo(db: Kysely<Database>) {
  return {
    async insert(row: Omit<SessionRow, "round_ends_at" | "report_json" | "completed_at" | "updated_at" | "team_id" | "invite_id">) {
      await db
        .insertInto("sessions")
        .values({ ...row, round_ends_at: null, report_json: null, completed_at: null, updated_at: row.created_at })
        .execute();
    },
    async get(id: string): Promise<SessionRow | undefined> {
      return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async getMany(ids: readonly string[]): Promise<SessionRow[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom("sessions")
        .selectAll()
        .where("id", "in", [...ids])
        .execute();
    },
    /** Mirrors the checkpoint's deadline (see tables.ts): the cluster's deadline sweep reads it. */
    async setRoundEndsAt(id: string, roundEndsAt: number | null, now: number) {
      await db.updateTable("sessions").set({ round_ends_at: roundEndsAt, updated_at: now }).where("id", "=", id).execute();
    },
    async complete(id: string, reportJson: string, now: number) {
      await db
        .updateTable("sessions")
        .set({ status: "complete", report_json: reportJson, round_ends_at: null, completed_at: now, updated_at: now })
        .where("id", "=", id)
        .execute();
    },
    /** A finished session's report, graded again (server/interview/regrade.ts): its status and completion time stay. */
    async replaceReport(id: string, reportJson: string, now: number) {
      await db
        .updateTable("sessions")
        .set({ report_json: reportJson, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "complete")
        .execute();
    },
    async listActiveIds(): Promise<string[]> {
      const rows = await db.selectFrom("sessions").select("id").where("status", "=", "active").execute();
      return rows.map((r) => r.id);
    },
  };
}
