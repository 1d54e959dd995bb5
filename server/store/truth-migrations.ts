import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * One owner per fact (issue 14). Dialect-neutral: Kysely's schema builder only.
 * - `sessions.round_ends_at` was written after every step and never read: the
 *   round deadline lives in the graph's checkpoint (`roundEndsAt`), and the
 *   round timers are re-armed from there after a restart.
 * - `grades` was written per question and never read: scores live in the
 *   checkpoint (`grades`) while the session runs and in `sessions.report_json`
 *   once it has ended.
 */
export const truthMigrations: Record<string, Migration> = {
  "0006_one_owner_per_fact": {
    async up(db: Kysely<any>) {
      await db.schema.alterTable("sessions").dropColumn("round_ends_at").execute();
      await db.schema.dropTable("grades").ifExists().execute();
    },
  },
};
