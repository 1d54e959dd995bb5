import type { Pack } from "./schema.js";

export type Visibility = "public" | "unlisted" | "private";

/** One immutable version of a pack, as sessions and the lobby see it. */
export type PackRecord = {
  /** "ai-engineer" for built-ins, "<team>/<id>" for team packs. */
  key: string;
  version: number;
  /** Null for built-in packs. */
  teamId: string | null;
  /** public: listed in the lobby; unlisted: startable by key; private: the team only. */
  visibility: Visibility;
  pack: Pack;
};

/** Where sessions find packs. Versions are immutable, so a session always sees the pack it started on. */
export type PackCatalog = {
  get(key: string, version: number): Promise<PackRecord | undefined>;
  latest(key: string): Promise<PackRecord | undefined>;
  /** Latest version of every pack the lobby lists. */
  listPublic(): Promise<PackRecord[]>;
};

/** Built-in packs only, in memory: for the graph's tests and tools that need no database. */
export function createStaticCatalog(packs: Pack[]): PackCatalog {
  const records = new Map(
    packs.map((pack) => [pack.id, { key: pack.id, version: pack.version, teamId: null, visibility: "public" as const, pack }]),
  );
  return {
    get: async (key, version) => {
      const r = records.get(key);
      return r && r.version === version ? r : undefined;
    },
    latest: async (key) => records.get(key),
    listPublic: async () => [...records.values()],
  };
}
