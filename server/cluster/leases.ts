import { sql, type Kysely } from "kysely";
import type { Database } from "../store/tables.js";

/** A session taken by this instance: its id and the fencing token it was taken with. */
export type Claim = { sessionId: string; fence: number };

/**
 * The session_leases table, one statement per move so that each move is
 * atomic in PostgreSQL (a row lock orders two instances racing for one row;
 * the loser re-reads the row and its WHERE no longer matches). Times are the
 * injected clock's milliseconds, passed in, never the database's now().
 */
export function createLeaseStore(db: Kysely<Database>, options: { instanceId: string; leaseMs: number }) {
  const me = options.instanceId;
  const ttl = options.leaseMs;
  return {
    /**
     * Take the session if it is free (released, or last ours). The fence stays
     * the same when the last holder was us (nobody came between, so what we
     * remember of the session is still true) and grows otherwise. Null when
     * another instance holds it, or held it and died mid-step: such a session
     * is only taken by `claimAbandoned`, whose taker finishes the cut-short
     * step before anything else runs on the session.
     */
    async tryAcquire(sessionId: string, now: number): Promise<number | null> {
      const { rows } = await sql<{ fence: number }>`
        insert into session_leases (session_id, holder, fence, expires_at, held)
        values (${sessionId}, ${me}, 1, ${now + ttl}, 1)
        on conflict (session_id) do update set
          fence = case when session_leases.holder = excluded.holder then session_leases.fence else session_leases.fence + 1 end,
          holder = excluded.holder,
          expires_at = excluded.expires_at,
          held = 1
        where session_leases.holder = excluded.holder or session_leases.held = 0
        returning fence`.execute(db);
      return rows[0] ? Number(rows[0].fence) : null;
    },

    /** Let go after a step; only if the lease is still ours under this fence (a takeover is never undone). */
    async release(sessionId: string, fence: number): Promise<void> {
      await sql`update session_leases set held = 0, expires_at = 0
        where session_id = ${sessionId} and holder = ${me} and fence = ${fence}`.execute(db);
    },

    /** Push the expiry of leases held for steps still running; returns the ids still ours. */
    async renew(sessionIds: string[], now: number): Promise<Set<string>> {
      if (sessionIds.length === 0) return new Set();
      const rows = await db
        .updateTable("session_leases")
        .set({ expires_at: now + ttl })
        .where("holder", "=", me)
        .where("held", "=", 1)
        .where("session_id", "in", sessionIds)
        .returning("session_id")
        .execute();
      return new Set(rows.map((r) => r.session_id));
    },

    /** Let go of everything this instance holds (graceful shutdown): another instance may take it at once. */
    async releaseAll(): Promise<number> {
      const result = await db
        .updateTable("session_leases")
        .set({ held: 0, expires_at: 0 })
        .where("holder", "=", me)
        .where("held", "=", 1)
        .executeTakeFirst();
      return Number(result.numUpdatedRows ?? 0);
    },

    /**
     * Sessions whose holder died mid-step (held, expired): take them, each by
     * exactly one instance (skip locked: two sweeps never wait on each other).
     */
    async claimAbandoned(now: number, limit: number): Promise<Claim[]> {
      const { rows } = await sql<{ session_id: string; fence: number }>`
        update session_leases set holder = ${me}, fence = fence + 1, expires_at = ${now + ttl}
        where session_id in (
          select session_id from session_leases
          where held = 1 and expires_at <= ${now}
          order by expires_at
          limit ${limit}
          for update skip locked)
        and held = 1 and expires_at <= ${now}
        returning session_id, fence`.execute(db);
      return rows.map((r) => ({ sessionId: r.session_id, fence: Number(r.fence) }));
    },

    /**
     * Sessions created but never begun (their instance died between the insert
     * and the first step, which takes the first lease): take them once they
     * are older than a lease, so the instance that created them had its chance.
     * `since`: only sessions created after it (polls look at the last few leases;
     * the start-up sweep at everything).
     */
    async claimUnbegun(now: number, limit: number, since = 0): Promise<Claim[]> {
      const { rows } = await sql<{ session_id: string; fence: number }>`
        insert into session_leases (session_id, holder, fence, expires_at, held)
        select s.id, ${me}, 1, ${now + ttl}, 1 from sessions s
        where s.status = 'active' and s.created_at <= ${now - ttl} and s.created_at >= ${since}
          and not exists (select 1 from session_leases l where l.session_id = s.id)
        limit ${limit}
        on conflict (session_id) do nothing
        returning session_id, fence`.execute(db);
      return rows.map((r) => ({ sessionId: r.session_id, fence: Number(r.fence) }));
    },

    /** Active sessions whose round deadline has passed and that no instance is working on (or left mid-step: claimed first). */
    async due(now: number, limit: number): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`
        select s.id from sessions s
        where s.status = 'active' and s.round_ends_at <= ${now}
          and not exists (select 1 from session_leases l where l.session_id = s.id and l.held = 1)
        order by s.round_ends_at
        limit ${limit}`.execute(db);
      return rows.map((r) => r.id);
    },
  };
}
export type LeaseStore = ReturnType<typeof createLeaseStore>;
