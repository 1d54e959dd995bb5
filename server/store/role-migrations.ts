import { sql, type Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Team token roles (session 13). Every token issued before roles could do everything, so each existing token
 * becomes an owner: nobody loses access by upgrading, and owners then narrow the rest. The column has no default:
 * the store writes a role with every token, and a row without one reads as no role at all (refused), never as owner.
 * The override audit trail records the role that acted; older entries keep null (made before roles existed).
 */
export const roleMigrations: Record<string, Migration> = {
  "0008_token_roles": {
    async up(db: Kysely<any>) {
      await db.schema.alterTable("team_tokens").addColumn("role", "text").execute();
      await sql`update team_tokens set role = 'owner' where role is null`.execute(db);
      await db.schema.alterTable("score_overrides").addColumn("token_role", "text").execute();
    },
  },
};
