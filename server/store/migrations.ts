import type { Kysely } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import { clusterMigrations } from "./cluster-migrations.js";
import { roleMigrations } from "./role-migrations.js";
import { tokenEventMigrations } from "./token-event-migrations.js";
import { draftMigrations } from "./draft-migrations.js";
import { teamMigrations } from "./team-migrations.js";
import { truthMigrations } from "./truth-migrations.js";

/** Migrations live in code so the package needs no migrations folder at run time. */
const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("resume_token_hash", "text", (c) => c.notNull())
        .addColumn("pack_id", "text", (c) => c.notNull())
        .addColumn("pack_version", "integer", (c) => c.notNull())
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("level", "text")
        .addColumn("plan_json", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("round_ends_at", "bigint")
        .addColumn("report_json", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("completed_at", "bigint")
        .execute();
      await db.schema.createIndex("sessions_status").on("sessions").column("status").execute();
      await db.schema
        .createTable("events")
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("payload_json", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("events_pk", ["session_id", "seq"])
        .execute();
      await db.schema
        .createTable("answers")
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("submission_id", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("text", "text")
        .addColumn("code", "text")
        .addColumn("language", "text")
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("answers_pk", ["session_id", "submission_id"])
        .execute();
      await db.schema
        .createTable("drafts")
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("text", "text")
        .addColumn("code", "text")
        .addColumn("language", "text")
        .addColumn("saved_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("drafts_pk", ["session_id", "question_id"])
        .execute();
      await db.schema
        .createTable("grades")
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("question_id", "text", (c) => c.notNull())
        .addColumn("criterion_id", "text", (c) => c.notNull())
        .addColumn("score", "integer", (c) => c.notNull())
        .addColumn("evidence_json", "text", (c) => c.notNull())
        .addColumn("feedback", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("insufficient", "integer", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("grades_pk", ["session_id", "question_id", "criterion_id"])
        .execute();
    },
  },
  "0002_teams_and_packs": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("teams")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("team_tokens")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("team_id", "text", (c) => c.notNull().references("teams.id"))
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("revoked_at", "bigint")
        .execute();
      await db.schema
        .createTable("packs")
        .addColumn("pack_key", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("team_id", "text", (c) => c.references("teams.id"))
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("pack_json", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("packs_pk", ["pack_key", "version"])
        .execute();
      await db.schema.createIndex("packs_team").on("packs").column("team_id").execute();
    },
  },
  "0003_server_event_keys": {
    async up(db: Kysely<any>) {
      // A step re-run after a crash emits the same events again; their key makes the second append a no-op.
      await db.schema.alterTable("events").addColumn("event_key", "text").execute();
      await db.schema.createIndex("events_key").on("events").columns(["session_id", "event_key"]).unique().execute();
    },
  },
  "0004_candidates_share_links": {
    async up(db: Kysely<any>) {
      // Read-only report links: a token of their own (only its hash is kept), revocable.
      await db.schema
        .createTable("share_links")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id"))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("revoked_at", "bigint")
        .execute();
      await db.schema.createIndex("share_links_session").on("share_links").column("session_id").execute();
    },
  },
  ...teamMigrations,
  ...truthMigrations,
  ...clusterMigrations,
  ...roleMigrations,
  ...tokenEventMigrations,
  ...draftMigrations,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** `schema` (PostgreSQL): where the migration bookkeeping lives; named, so another schema's tables never count. */
const migrator = (db: Kysely<any>, schema?: string) => new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });

/** Up to and including `name` only: tests build a database as an older version left it. */
export async function migrateTo(db: Kysely<any>, name: string, options: { schema?: string } = {}): Promise<void> {
  const { error } = await migrator(db, options.schema).migrateTo(name);
  if (error) throw new Error(`Database migration to ${name} failed: ${String(error)}`);
}

export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<void> {
  const { error, results } = await migrator(db, options.schema).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
