import type { Kysely, Selectable } from "kysely";
import type { Database, TeamsTable, TeamTokensTable } from "./tables.js";

export type TeamRow = Selectable<TeamsTable>;
export type TeamTokenRow = Selectable<TeamTokensTable>;

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
    async addToken(row: {
      id: string;
      token_hash: string;
      team_id: string;
      label: string;
      role: string;
      created_at: number;
    }): Promise<void> {
      await db
        .insertInto("team_tokens")
        .values({ ...row, revoked_at: null, last_used_at: null })
        .execute();
    },
    /** A live (unrevoked) token by its hash. */
    async liveToken(tokenHash: string): Promise<TeamTokenRow | undefined> {
      return db
        .selectFrom("team_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
    },
    /** The team a live (unrevoked) token belongs to. */
    async teamForToken(tokenHash: string): Promise<string | undefined> {
      return (await this.liveToken(tokenHash))?.team_id;
    },
    async tokens(teamId: string): Promise<TeamTokenRow[]> {
      return db.selectFrom("team_tokens").selectAll().where("team_id", "=", teamId).orderBy("created_at").orderBy("id").execute();
    },
    async token(teamId: string, id: string): Promise<TeamTokenRow | undefined> {
      return db.selectFrom("team_tokens").selectAll().where("team_id", "=", teamId).where("id", "=", id).executeTakeFirst();
    },
    async revokeToken(id: string, now: number): Promise<void> {
      await db.updateTable("team_tokens").set({ revoked_at: now }).where("id", "=", id).where("revoked_at", "is", null).execute();
    },
    async touchToken(id: string, now: number): Promise<void> {
      await db.updateTable("team_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
    },
  };
}
