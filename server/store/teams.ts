import { PostgresAdapter, sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Database, TeamsTable, TeamTokensTable } from "./tables.js";
import type { TeamTokenEventsTable } from "./team-tables.js";

export type TeamRow = Selectable<TeamsTable>;
export type TeamTokenRow = Selectable<TeamTokensTable>;
export type TeamTokenEventRow = Selectable<TeamTokenEventsTable>;
type NewToken = { id: string; token_hash: string; team_id: string; label: string; role: string; created_at: number };

/** Revoke a token if it is still live, inside the caller's transaction; says whether this call revoked it. */
async function revokeIfLive(trx: Transaction<Database>, id: string, at: number): Promise<boolean> {
  const revoked = await trx
    .updateTable("team_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows) > 0;
}

export function createTeamsRepo(db: Kysely<Database>) {
  /** PostgreSQL has concurrent writers to order with row locks; SQLite (one connection) has one writer. */
  const rowLocks = db.getExecutor().adapter instanceof PostgresAdapter;
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
    /** A new token and the event recording who issued it, together (no event: rows as an older server left them, in tests). */
    async addToken(row: NewToken, event?: TeamTokenEventRow): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("team_tokens")
          .values({ ...row, revoked_at: null, last_used_at: null })
          .execute();
        if (event) await trx.insertInto("team_token_events").values(event).execute();
      });
    },
    /**
     * Replace a live token: revoke it, add its successor and record both events, in one transaction. Says
     * "revoked" without adding anything when the token was no longer live (two rotations at once: one wins).
     */
    async rotateToken(oldId: string, at: number, row: NewToken, events: TeamTokenEventRow[]): Promise<"rotated" | "revoked"> {
      return db.transaction().execute(async (trx) => {
        if (!(await revokeIfLive(trx, oldId, at))) return "revoked";
        await trx
          .insertInto("team_tokens")
          .values({ ...row, revoked_at: null, last_used_at: null })
          .execute();
        await trx.insertInto("team_token_events").values(events).execute();
        return "rotated";
      });
    },
    async addTokenEvent(event: TeamTokenEventRow): Promise<void> {
      await db.insertInto("team_token_events").values(event).execute();
    },
    /** The team's token audit trail, oldest first. */
    async tokenEvents(teamId: string): Promise<TeamTokenEventRow[]> {
      return db.selectFrom("team_token_events").selectAll().where("team_id", "=", teamId).orderBy("created_at").orderBy("id").execute();
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
    /** Revoke (no last-owner check: the CLI's force) and record who did, if it was live. */
    async revokeToken(id: string, now: number, event: TeamTokenEventRow): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (await revokeIfLive(trx, id, now)) await trx.insertInto("team_token_events").values(event).execute();
      });
    },
    /**
     * Revoke unless it is the team's last live owner token, checked and done in one transaction that first locks the
     * team's row on PostgreSQL: two owners revoking each other at once take turns, so one of them stays (a review
     * found both revokes going through, leaving no owner). Says whether it revoked.
     */
    async revokeKeepingAnOwner(teamId: string, id: string, now: number, event: TeamTokenEventRow): Promise<"revoked" | "last-owner"> {
      return db.transaction().execute(async (trx) => {
        if (rowLocks) await trx.selectFrom("teams").select("id").where("id", "=", teamId).forUpdate().execute();
        const token = await trx
          .selectFrom("team_tokens")
          .select(["role", "revoked_at"])
          .where("team_id", "=", teamId)
          .where("id", "=", id)
          .executeTakeFirst();
        if (token?.role === "owner" && token.revoked_at === null) {
          const others = await trx
            .selectFrom("team_tokens")
            .select(sql<number>`count(*)`.as("n"))
            .where("team_id", "=", teamId)
            .where("role", "=", "owner")
            .where("revoked_at", "is", null)
            .where("id", "!=", id)
            .executeTakeFirst();
          if (Number(others?.n ?? 0) === 0) return "last-owner";
        }
        if (await revokeIfLive(trx, id, now)) await trx.insertInto("team_token_events").values(event).execute();
        return "revoked";
      });
    },
    async touchToken(id: string, now: number): Promise<void> {
      await db.updateTable("team_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
    },
  };
}
