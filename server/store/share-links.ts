import type { Kysely } from "kysely";
import type { Database } from "./tables.js";

export function createShareLinksRepo(db: Kysely<Database>) {
  return {
    async insert(row: { token_hash: string; session_id: string; created_at: number }): Promise<void> {
      await db
        .insertInto("share_links")
        .values({ ...row, revoked_at: null })
        .execute();
    },
    /** The session a live (unrevoked) share token opens. */
    async sessionFor(tokenHash: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("share_links")
        .select("session_id")
        .where("token_hash", "=", tokenHash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return row?.session_id;
    },
    /** Revoke every live link of a session; returns how many were live. */
    async revokeAll(sessionId: string, now: number): Promise<number> {
      const result = await db
        .updateTable("share_links")
        .set({ revoked_at: now })
        .where("session_id", "=", sessionId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows ?? 0);
    },
    async countLive(sessionId: string): Promise<number> {
      const row = await db
        .selectFrom("share_links")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("session_id", "=", sessionId)
        .where("revoked_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
