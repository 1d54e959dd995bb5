import type { TestServer } from "./server.js";

/**
 * What the store held for a team pack published before the `criterion-needs-model` rule (session 17): its first
 * question's first criterion graded only by fix-works. The row is rewritten in place, as no API can store it any
 * more; a server started afterwards on this store reads the pack as needing a fix (server/scenarios/stored-problems.ts).
 */
export async function storeAsBeforeTheRule(server: TestServer, packKey: string): Promise<void> {
  const db = server.app.database.db;
  const row = await db.selectFrom("packs").selectAll().where("pack_key", "=", packKey).executeTakeFirstOrThrow();
  const pack = JSON.parse(row.pack_json);
  pack.questions[0].rubric[0].evidence = { ...pack.questions[0].rubric[0].evidence, concepts: [], checks: ["fix-works"] };
  await db
    .updateTable("packs")
    .set({ pack_json: JSON.stringify(pack) })
    .where("pack_key", "=", packKey)
    .execute();
}
