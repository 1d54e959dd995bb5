import { sql, type Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Hiring-team review (issue 13): named tokens with ids and last use, invites,
 * session ownership, integrity signals and the score-override audit trail.
 * Kept apart from migrations.ts so that file only gains one spread line.
 */
export const teamMigrations: Record<string, Migration> = {
  "0005_teams_review": {
    async up(db: Kysely<any>) {
      await db.schema.alterTable("team_tokens").addColumn("id", "text").execute();
      await db.schema.alterTable("team_tokens").addColumn("last_used_at", "bigint").execute();
      // Existing tokens get a public id derived from their hash (the hash itself stays private).
      await sql`update team_tokens set id = substr(token_hash, 1, 16) where id is null`.execute(db);
      await db.schema.createIndex("team_tokens_id").unique().on("team_tokens").column("id").execute();

      await db.schema.alterTable("sessions").addColumn("team_id", "text").execute();
      await db.schema.alterTable("sessions").addColumn("invite_id", "text").execute();
      await db.schema.createIndex("sessions_team").on("sessions").column("team_id").execute();

      await db.schema
        .createTable("invites")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("team_id", "text", (c) => c.notNull().references("teams.id"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("pack_key", "text", (c) => c.notNull())
        .addColumn("candidate_label", "text", (c) => c.notNull())
        .addColumn("candidate_email", "text")
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("level", "text")
        .addColumn("rounds_json", "text")
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("revoked_at", "bigint")
        .addColumn("session_id", "text")
        .execute();
      await db.schema.createIndex("invites_team").on("invites").column("team_id").execute();

      await db.schema
        .createTable("integrity_signals")
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("question_id", "text")
        .addColumn("chars", "integer")
        .addColumn("duration_ms", "integer")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("integrity_signals_pk", ["session_id", "seq"])
        .execute();

      await db.schema
        .createTable("score_overrides")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("team_id", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("criterion_id", "text", (c) => c.notNull())
        .addColumn("original_score", "integer", (c) => c.notNull())
        .addColumn("before_score", "integer", (c) => c.notNull())
        .addColumn("after_score", "integer", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("token_id", "text", (c) => c.notNull())
        .addColumn("token_label", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("score_overrides_session").on("score_overrides").columns(["session_id", "created_at"]).execute();
    },
  },
};
