import type { PackIssue } from "./errors.js";
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
  /**
   * Rules this stored version breaks that were added after it was published (stored-problems.ts): while any is
   * listed, no new interview starts on it and the lobby does not offer it; sessions taken on it stay readable.
   * Absent or empty: none.
   */
  needsFix?: PackIssue[];
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
