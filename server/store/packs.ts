import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, PacksTable } from "./tables.js";

export type PackRow = Selectable<PacksTable>;
/** A version's identity without its (large) text: enough to find the parsed pack in a cache. */
export type PackMeta = Pick<PackRow, "pack_key" | "version" | "team_id" | "visibility">;
const META = ["packs.pack_key", "packs.version", "packs.team_id", "packs.visibility"] as const;

export function createPacksRepo(db: Kysely<Database>) {
  const latestVersions = () =>
    db
      .selectFrom("packs")
      .select(["pack_key", sql<number>`max(version)`.as("latest")])
      .groupBy("pack_key")
      .as("l");
  return {
    /** Write a new version; fails (unique key) if that version exists, so versions never change. */
    async insert(row: PackRow): Promise<void> {
      await db.insertInto("packs").values(row).execute();
    },
    /** One statement, so instances starting together on one database (PostgreSQL) do not trip over each other. */
    async replaceBuiltin(row: PackRow): Promise<void> {
      await db
        .insertInto("packs")
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(["pack_key", "version"])
            .doUpdateSet({ visibility: row.visibility, source: row.source, pack_json: row.pack_json, created_at: row.created_at })
            .where("packs.team_id", "is", null),
        )
        .execute();
    },
    async get(key: string, version: number): Promise<PackRow | undefined> {
      return db.selectFrom("packs").selectAll().where("pack_key", "=", key).where("version", "=", version).executeTakeFirst();
    },
    async latest(key: string): Promise<PackRow | undefined> {
      return db.selectFrom("packs").selectAll().where("pack_key", "=", key).orderBy("version", "desc").limit(1).executeTakeFirst();
    },
    async latestMeta(key: string): Promise<PackMeta | undefined> {
      return db.selectFrom("packs").select(META).where("pack_key", "=", key).orderBy("version", "desc").limit(1).executeTakeFirst();
    },
    async latestWhereMeta(filter: { teamId?: string; visibility?: PackRow["visibility"] }): Promise<PackMeta[]> {
      let q = db
        .selectFrom("packs")
        .innerJoin(latestVersions(), (join) => join.onRef("l.pack_key", "=", "packs.pack_key").onRef("l.latest", "=", "packs.version"))
        .select(META);
      if (filter.teamId !== undefined) q = q.where("packs.team_id", "=", filter.teamId);
      if (filter.visibility !== undefined) q = q.where("packs.visibility", "=", filter.visibility);
      return q.orderBy("packs.pack_key").execute();
    },
    async versions(key: string): Promise<{ version: number; created_at: number; visibility: string }[]> {
      return db
        .selectFrom("packs")
        .select(["version", "created_at", "visibility"])
        .where("pack_key", "=", key)
        .orderBy("version")
        .execute();
    },
    /** The newest version of every pack matching the filter. */
    async latestWhere(filter: { teamId?: string; visibility?: PackRow["visibility"] }): Promise<PackRow[]> {
      let q = db
        .selectFrom("packs")
        .innerJoin(latestVersions(), (join) => join.onRef("l.pack_key", "=", "packs.pack_key").onRef("l.latest", "=", "packs.version"))
        .selectAll("packs");
      if (filter.teamId !== undefined) q = q.where("packs.team_id", "=", filter.teamId);
      if (filter.visibility !== undefined) q = q.where("packs.visibility", "=", filter.visibility);
      return q.orderBy("packs.pack_key").execute();
    },
  };
}
