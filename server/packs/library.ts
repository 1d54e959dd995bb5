import type { Logger } from "pino";
import {
  PackValidationError,
  parsePackLocated,
  storedPackProblems,
  type LocatedPack,
  type Pack,
  type PackCatalog,
  type PackIssue,
  type PackRecord,
  type Visibility,
} from "../scenarios/index.js";
import type { PackMeta, PackRow, Store } from "../store/index.js";

export type PublishResult = PackRecord & { createdAt: number };

/**
 * Every pack the server knows, built-in or uploaded, over the store. Each
 * (key, version) is written once and never changed, so records are cached
 * forever and a session always resolves the version it started on.
 */
export function createPackLibrary(deps: { store: Store; now: () => number; logger: Logger }) {
  const { store, now, logger } = deps;
  /**
   * Parsed packs by (key, version). Reading and parsing a pack (~1.7 MB of
   * JSON for the built-in one) on every lookup made GET /api/packs, the
   * health check and each submit slow; a version never changes once written
   * (a built-in re-registered at start-up is evicted below), so the cache
   * never goes stale, and lookups by key read only the small meta columns.
   */
  const cache = new Map<string, PackRecord>();
  const cacheKey = (key: string, version: number) => `${key}@${version}`;
  const toRecord = (row: PackRow): PackRecord => {
    const id = cacheKey(row.pack_key, row.version);
    let record = cache.get(id);
    if (!record) {
      const pack = JSON.parse(row.pack_json) as Pack;
      // Built-ins are validated from their files at every start; a team's version was validated when it was published,
      // perhaps before a rule that refuses it now.
      const needsFix = row.team_id === null ? [] : storedPackProblems(pack);
      record = { key: row.pack_key, version: row.version, teamId: row.team_id, visibility: row.visibility, pack, needsFix };
      if (needsFix.length)
        logger.warn(
          { pack: row.pack_key, version: row.version, problems: needsFix.map((p) => `${p.path}: ${p.code}`) },
          "stored team pack breaks a rule added since it was published; no new interview starts on it until the team publishes a fixed version",
        );
      cache.set(id, record);
    }
    return record;
  };
  const byMeta = async (meta: PackMeta): Promise<PackRecord | undefined> => {
    const hit = cache.get(cacheKey(meta.pack_key, meta.version));
    if (hit) return hit;
    const row = await store.packs.get(meta.pack_key, meta.version);
    return row ? toRecord(row) : undefined;
  };
  const all = async (metas: PackMeta[]) => (await Promise.all(metas.map(byMeta))).filter((r): r is PackRecord => r !== undefined);

  const library = {
    async get(key: string, version: number) {
      const hit = cache.get(cacheKey(key, version));
      if (hit) return hit;
      const row = await store.packs.get(key, version);
      return row ? toRecord(row) : undefined;
    },
    async latest(key: string) {
      const meta = await store.packs.latestMeta(key);
      return meta ? byMeta(meta) : undefined;
    },
    /** The server's own packs first (the lobby preselects the first): a team's public pack named "aaa" must not become everyone's default. */
    async listPublic() {
      // A version that needs a fix is not offered: no interview would start on it.
      const records = (await all(await store.packs.latestWhereMeta({ visibility: "public" }))).filter((r) => !r.needsFix?.length);
      return records.sort((a, b) => Number(a.teamId !== null) - Number(b.teamId !== null));
    },
    async listForTeam(teamId: string) {
      return all(await store.packs.latestWhereMeta({ teamId }));
    },
    versions: (key: string) => store.packs.versions(key),
    source: async (key: string, version: number) => (await store.packs.get(key, version))?.source,

    /**
     * Make the files' built-in packs available, keeping every version sessions
     * may still run on. Editing a built-in without bumping its version replaces
     * that version (and says so), which is what an author iterating locally wants.
     */
    async registerBuiltins(packs: Pack[]): Promise<void> {
      for (const pack of packs) {
        const json = JSON.stringify(pack);
        const existing = await store.packs.get(pack.id, pack.version);
        if (existing?.pack_json === json) continue;
        cache.delete(cacheKey(pack.id, pack.version));
        if (existing)
          logger.warn({ pack: pack.id, version: pack.version }, "built-in pack changed without a version bump; replacing that version");
        await store.packs.replaceBuiltin({
          pack_key: pack.id,
          version: pack.version,
          team_id: null,
          visibility: "public",
          source: JSON.stringify(pack, null, 2),
          pack_json: json,
          created_at: now(),
        });
      }
    },

    /**
     * Validate an uploaded pack (YAML or JSON text) and store it as the team's
     * next version. Throws PackValidationError with every problem found.
     */
    async publish(
      teamId: string,
      text: string,
      options: {
        visibility?: Visibility;
        expectId?: string;
        /** The latest version the text was based on (0: a new pack); another version stored since refuses it. */
        baseVersion?: number;
        verify?: (located: LocatedPack) => Promise<PackIssue[]>;
        /** How the text is read (the server: in the pack reader's thread); default parsePackLocated on this thread. */
        read?: (text: string, file: string) => Promise<LocatedPack>;
      } = {},
    ): Promise<PublishResult> {
      const located = options.read ? await options.read(text, "upload") : parsePackLocated(text, "upload");
      const parsed = located.pack;
      if (options.expectId !== undefined && parsed.id !== options.expectId) {
        throw new PackIdMismatchError(options.expectId, parsed.id);
      }
      const failures = options.verify ? await options.verify(located) : [];
      if (failures.length) throw new PackValidationError(failures);
      const key = `${teamId}/${parsed.id}`;
      for (let attempt = 0; ; attempt++) {
        const previous = await store.packs.latest(key);
        // Checked on every attempt: of two publishes on one base, the one that loses the insert race is stale too.
        if (options.baseVersion !== undefined && (previous?.version ?? 0) !== options.baseVersion) {
          throw new PackVersionStaleError(key, options.baseVersion, previous?.version ?? 0);
        }
        const version = (previous?.version ?? 0) + 1;
        const visibility = options.visibility ?? previous?.visibility ?? "private";
        const pack: Pack = { ...parsed, version };
        const createdAt = now();
        try {
          await store.packs.insert({
            pack_key: key,
            version,
            team_id: teamId,
            visibility,
            source: text,
            pack_json: JSON.stringify(pack),
            created_at: createdAt,
          });
          return { key, version, teamId, visibility, pack, needsFix: [], createdAt };
        } catch (err) {
          // Two uploads raced for the same version number: take the next one.
          if (attempt < 3 && /UNIQUE|duplicate key/i.test(String(err))) continue;
          throw err;
        }
      }
    },
  } satisfies PackCatalog & Record<string, unknown>;
  return library;
}
export type PackLibrary = ReturnType<typeof createPackLibrary>;

export class PackIdMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`the URL names pack "${expected}" but the uploaded pack's id is "${found}"`);
    this.name = "PackIdMismatchError";
  }
}

export class PackVersionStaleError extends Error {
  constructor(
    readonly key: string,
    readonly base: number,
    readonly latest: number,
  ) {
    super(
      base === 0
        ? `a pack "${key}" already exists (latest version ${latest}); open it to publish a new version, or give this pack another id`
        : `"${key}" is at version ${latest} now, published since the version ${base} this text was based on; nothing was stored: open the latest version, bring your change over, and publish on it`,
    );
    this.name = "PackVersionStaleError";
  }
}
