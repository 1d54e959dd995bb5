import { createHash } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/store/migrations.js";
import { openPostgres } from "../../server/store/postgres.js";
import { openSqlite } from "../../server/store/index.js";
import { postgresFor } from "../helpers/database.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, tempDatabaseFile, type TestServer } from "../helpers/server.js";

/**
 * Migration 0008 on a database an older server left (SQLite, or PostgreSQL when DATABASE_URL is set: the same
 * schema the test server then opens). Before roles every token could do everything, so each becomes an owner.
 */
const OLD_TOKEN = "mit_an-old-token-from-before-roles-00";
const OLD_HASH = "b7f1a0b1d8f4b7a5f0a0c1d0e6c3b1f4b4b2e0a9c8d7e6f5a4b3c2d1e0f9a8b7";

/** The test's database as the server would open it, without migrating it. */
async function rawDatabase(databaseFile: string) {
  const pg = postgresFor(databaseFile);
  return { db: pg ? (await openPostgres(pg)).db : openSqlite(databaseFile).db, schema: pg ? { schema: pg.schema! } : {} };
}

async function oldDatabase(databaseFile: string) {
  const { db, schema } = await rawDatabase(databaseFile);
  await migrateTo(db, "0007_session_leases", schema);
  const hash = createHash("sha256").update(OLD_TOKEN).digest("hex");
  await sql`insert into teams (id, name, created_at) values ('acme', 'Acme', 1)`.execute(db);
  for (const [id, label, h, revoked] of [
    ["tok_owner", "owner", hash, null],
    ["tok_sam", "Sam", OLD_HASH, null],
    ["tok_gone", "Gone", `${OLD_HASH.slice(0, 60)}dead`, 5],
  ] as const)
    await sql`insert into team_tokens (token_hash, team_id, label, created_at, revoked_at, id, last_used_at)
      values (${h}, 'acme', ${label}, 1, ${revoked}, ${id}, null)`.execute(db);
  await sql`insert into score_overrides (id, session_id, team_id, question_id, criterion_id, original_score, before_score, after_score, note, token_id, token_label, created_at)
    values ('ovr_old', 'sess', 'acme', 'q', 'c', 1, 1, 3, 'older override', 'tok_sam', 'Sam', 2)`.execute(db);
  await db.destroy();
}

describe(`migration 0008 token roles (${process.env.DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  const databaseFile = tempDatabaseFile();
  let server: TestServer;

  it("every token an older server issued becomes an owner and keeps working; older overrides keep no role", async () => {
    await oldDatabase(databaseFile);
    server = await startTestServer({ packs: [miniPack()], databaseFile });
    const headers = { authorization: `Bearer ${OLD_TOKEN}` };
    const me = await fetch(`${server.url}/api/teams/me`, { headers });
    expect(await me.json()).toEqual({ id: "acme", name: "Acme", label: "owner", role: "owner" });
    // Owner-only routes answer the migrated token.
    const tokens = await (await fetch(`${server.url}/api/teams/acme/tokens`, { headers })).json();
    expect(tokens.map((t: { id: string; role: string }) => [t.id, t.role])).toEqual([
      ["tok_gone", "owner"],
      ["tok_owner", "owner"],
      ["tok_sam", "owner"],
    ]);
    // Two live owners now: one may be revoked, the last may not.
    expect((await fetch(`${server.url}/api/teams/acme/tokens/tok_sam`, { method: "DELETE", headers })).status).toBe(200);
    const last = await fetch(`${server.url}/api/teams/acme/tokens/tok_owner`, { method: "DELETE", headers });
    expect((await last.json()).error.code).toBe("LAST_TOKEN");
    await server.close();
    // In the tables: the revoked token got a role too; the override made before roles keeps who, and no role.
    const { db } = await rawDatabase(databaseFile);
    try {
      expect(await db.selectFrom("team_tokens").select(["id", "role"]).orderBy("id").execute()).toEqual([
        { id: "tok_gone", role: "owner" },
        { id: "tok_owner", role: "owner" },
        { id: "tok_sam", role: "owner" },
      ]);
      expect(await db.selectFrom("score_overrides").select(["token_label", "token_role"]).execute()).toEqual([
        { token_label: "Sam", token_role: null },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
