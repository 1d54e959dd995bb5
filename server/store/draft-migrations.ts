import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Draft revisions (session 17, outside red-team finding F6): two tabs on one session each autosaved over the other,
 * and the later save silently replaced the earlier tab's text. Each save now names the revision it was typed on
 * and a stale one is refused (DRAFT_STALE). Drafts saved before this migration are revision 0.
 */
export const draftMigrations: Record<string, Migration> = {
  "0010_draft_revisions": {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("drafts")
        .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};
