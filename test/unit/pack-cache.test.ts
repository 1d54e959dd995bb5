import pino from "pino";
import { describe, expect, it } from "vitest";
import { createPackLibrary } from "../../server/packs/index.js";
import { createStore, migrateToLatest, openSqlite } from "../../server/store/index.js";
import { miniPack } from "../helpers/packs.js";

describe("parsed packs are cached by (key, version)", () => {
  it("the lobby, the health check and session lookups read a pack's text once, not on every request", async () => {
    const { db } = openSqlite(":memory:");
    await migrateToLatest(db);
    const store = createStore(db);
    let fullReads = 0;
    const get = store.packs.get;
    store.packs.get = (key, version) => (fullReads++, get(key, version));
    const packs = createPackLibrary({ store, now: Date.now, logger: pino({ level: "silent" }) });
    await packs.registerBuiltins([miniPack()]);
    fullReads = 0;
    const first = await packs.latest("mini");
    for (let i = 0; i < 20; i++) {
      expect((await packs.listPublic())[0]).toBe(first);
      expect(await packs.latest("mini")).toBe(first);
      expect(await packs.get("mini", first!.version)).toBe(first);
    }
    expect(fullReads).toBe(1);
    // A new built-in version is seen at once (the latest version is looked up, small columns only).
    await packs.registerBuiltins([{ ...miniPack(), version: first!.version + 1, title: "Mini 2" }]);
    expect((await packs.latest("mini"))?.pack.title).toBe("Mini 2");
    expect((await packs.get("mini", first!.version))?.pack.title).toBe(first!.pack.title);
    await db.destroy();
  });
});
