import type { Kysely, Selectable } from "kysely";
import type { Database } from "./tables.js";
import type { InvitesTable } from "./team-tables.js";

export type InviteRow = Selectable<InvitesTable>;

export function createInvitesRepo(db: Kysely<Database>) {
  return {
    async insert(row: Omit<InviteRow, "revoked_at" | "session_id">): Promise<void> {
      await db
        .insertInto("invites")
        .values({ ...row, revoked_at: null, session_id: null })
        .execute();
    },
    async byTokenHash(tokenHash: string): Promise<InviteRow | undefined> {
      return db.selectFrom("invites").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
    },
    async get(teamId: string, id: string): Promise<InviteRow | undefined> {
      return db.selectFrom("invites").selectAll().where("team_id", "=", teamId).where("id", "=", id).executeTakeFirst();
    },
    async byId(id: string): Promise<InviteRow | undefined> {
      return db.selectFrom("invites").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async list(teamId: string): Promise<InviteRow[]> {
      return db.selectFrom("invites").selectAll().where("team_id", "=", teamId).orderBy("created_at", "desc").orderBy("id").execute();
    },
    /** Claim an unused invite for a session; false when another start got there first. */
    async claim(id: string, sessionId: string): Promise<boolean> {
      const result = await db
        .updateTable("invites")
        .set({ session_id: sessionId })
        .where("id", "=", id)
        .where("session_id", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async release(id: string, sessionId: string): Promise<void> {
      await db.updateTable("invites").set({ session_id: null }).where("id", "=", id).where("session_id", "=", sessionId).execute();
    },
    async revoke(id: string, now: number): Promise<void> {
      await db.updateTable("invites").set({ revoked_at: now }).where("id", "=", id).where("revoked_at", "is", null).execute();
    },
  };
}
