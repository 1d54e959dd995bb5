import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * One owner per fact (issue 14). Dialect-neutral: Kysely's schema builder only.
 * - `sessions.round_ends_at` stays, as a documented copy: the round deadline is
 *   owned by the graph's checkpoint (`roundEndsAt`, from which timers are
 *   re-armed after a restart); the column is the index through which
 *   instances sharing one database find passed deadlines (server/cluster/).
 * - `grades` was written per question and never read: scores live in the
 *   checkpoint (`grades`) while the session runs and in `sessions.report_json`
 *   once it has ended.
 */
export const truthMigrations: Record<string, Migration> = {
  "0006_one_owner_per_fact": {
    async up(db: Kysely<any>) {
      await db.schema.dropTable("grades").ifExists().execute();
    },
  },
};
