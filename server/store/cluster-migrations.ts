import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Several instances on one PostgreSQL database (issue 15): who may run a
 * session's graph steps right now, and a fencing token that grows each time
 * the session changes hands (docs/cluster.md). Created on SQLite too, so both
 * dialects share one schema; a single SQLite process never reads it.
 */
export const clusterMigrations: Record<string, Migration> = {
  "0006_session_leases": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("session_leases")
        .addColumn("session_id", "text", (c) => c.primaryKey())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("fence", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        // 1 while a step runs under it; 0 once released. Held and expired means its holder died mid-step.
        .addColumn("held", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("session_leases_abandoned").on("session_leases").columns(["held", "expires_at"]).execute();
      // Every instance polls for passed deadlines.
      await db.schema.createIndex("sessions_due").on("sessions").columns(["status", "round_ends_at"]).execute();
    },
  },
};
