import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * The token audit trail (session 15): who issued, rotated or revoked which token. Rotation used to be a
 * revoke and a mint with nothing linking them, so an owner replacing a reviewer's token left no trace of who
 * did it. Tokens issued before this migration have no events (nothing is invented for them).
 */
export const tokenEventMigrations: Record<string, Migration> = {
  "0009_token_events": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("team_token_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("team_id", "text", (c) => c.notNull().references("teams.id"))
        .addColumn("token_id", "text", (c) => c.notNull())
        .addColumn("token_label", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("other_token_id", "text")
        .addColumn("actor_token_id", "text")
        .addColumn("actor_label", "text")
        .addColumn("actor_role", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("team_token_events_team").on("team_token_events").columns(["team_id", "created_at"]).execute();
    },
  },
};
