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

/** Rotations a revoke follows at most (a chain is one link per rotation of one token). */
const MAX_ROTATIONS_FOLLOWED = 1000;

/**
 * The live token an id stands for now: itself, or the successor its rotations led to. A holder who rotated their
 * token (any token may rotate itself) must not keep a live secret because an owner revoked the id they knew.
 */
async function liveTokenOf(trx: Transaction<Database>, id: string): Promise<string | undefined> {
  let current = id;
  for (let hops = 0; hops < MAX_ROTATIONS_FOLLOWED; hops++) {
    const row = await trx.selectFrom("team_tokens").select("revoked_at").where("id", "=", current).executeTakeFirst();
    if (!row) return undefined;
    if (row.revoked_at === null) return current;
    const rotated = await trx
      .selectFrom("team_token_events")
      .select("other_token_id")
      .where("token_id", "=", current)
      .where("action", "=", "rotated")
      .executeTakeFirst();
    if (!rotated?.other_token_id) return undefined;
    current = rotated.other_token_id;
  }
  return undefined;
}

/** What a revoke did: which live token it revoked (the id asked for, or its successor), or why it did not. */
export type RevokeOutcome = { outcome: "revoked"; tokenId: string } | { outcome: "last-owner"; tokenId: string } | { outcome: "not-live" };

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
        // In turn with revokes of the same team (they follow rotations to the live successor).
        if (rowLocks) await trx.selectFrom("teams").select("id").where("id", "=", row.team_id).forUpdate().execute();
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
    /** Revoke the live token `id` stands for (no last-owner check: the CLI's force) and record who did. */
    async revokeToken(id: string, now: number, event: TeamTokenEventRow): Promise<RevokeOutcome> {
      return db.transaction().execute(async (trx): Promise<RevokeOutcome> => {
        if (rowLocks) await trx.selectFrom("teams").select("id").where("id", "=", event.team_id).forUpdate().execute();
        const target = await liveTokenOf(trx, id);
        if (!target || !(await revokeIfLive(trx, target, now))) return { outcome: "not-live" };
        await trx
          .insertInto("team_token_events")
          .values({ ...event, token_id: target })
          .execute();
        return { outcome: "revoked", tokenId: target };
      });
    },
    /**
     * Revoke unless it is the team's last live owner token, checked and done in one transaction that first locks the
     * team's row on PostgreSQL: two owners revoking each other at once take turns, so one of them stays (a review
     * found both revokes going through, leaving no owner). Says whether it revoked.
     */
    async revokeKeepingAnOwner(teamId: string, id: string, now: number, event: TeamTokenEventRow): Promise<RevokeOutcome> {
      return db.transaction().execute(async (trx): Promise<RevokeOutcome> => {
        if (rowLocks) await trx.selectFrom("teams").select("id").where("id", "=", teamId).forUpdate().execute();
        const target = await liveTokenOf(trx, id);
        if (!target) return { outcome: "not-live" };
        const token = await trx
          .selectFrom("team_tokens")
          .select(["role", "revoked_at"])
          .where("team_id", "=", teamId)
          .where("id", "=", target)
          .executeTakeFirst();
        if (token?.role === "owner" && token.revoked_at === null) {
          const others = await trx
            .selectFrom("team_tokens")
            .select(sql<number>`count(*)`.as("n"))
            .where("team_id", "=", teamId)
            .where("role", "=", "owner")
            .where("revoked_at", "is", null)
            .where("id", "!=", target)
            .executeTakeFirst();
          if (Number(others?.n ?? 0) === 0) return { outcome: "last-owner", tokenId: target };
        }
        if (!(await revokeIfLive(trx, target, now))) return { outcome: "not-live" };
        await trx
          .insertInto("team_token_events")
          .values({ ...event, token_id: target })
          .execute();
        return { outcome: "revoked", tokenId: target };
      });
    },
    async touchToken(id: string, now: number): Promise<void> {
      await db.updateTable("team_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
    },
  };
}
