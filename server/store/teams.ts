import type { Kysely, Selectable } from "kysely";
import type { Database, TeamsTable } from "./tables.js";

export type TeamRow = Selectable<TeamsTable>;

export function createTeamsRepo(db: Kysely<Database>) {
  return {
    async insert(team: TeamRow): Promise<void> {
      await db.insertInto("teams").values(team).execute();
    },
    async get(id: string): Promise<TeamRow | undefined> {
      return db.selectFrom("teams").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async list(): Promise<TeamRow[]> {
      return db.selectFrom("teams").selectAll().orderBy("id").execute();
    },
    async addToken(row: { token_hash: string; team_id: string; label: string; created_at: number }): Promise<void> {
      await db.insertInto("team_tokens").values({ ...row, revoked_at: null }).execute();
    },
    /** The team a live (unrevoked) token belongs to. */
    async teamForToken(tokenHash: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("team_tokens")
        .select("team_id")
        .where("token_hash", "=", tokenHash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return row?.team_id;
    },
  };
}
