import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SERVER = fileURLToPath(new URL("../../server/", import.meta.url));

/** Every relative import of a room's files, as the server folder each one lands in ("interview", "turns", ...). */
function roomsImportedBy(room: string): { file: string; specifier: string; lands: string }[] {
  const dir = join(SERVER, room);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .flatMap((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)].map((m) => m[1]!);
      return specifiers.map((specifier) => ({
        file: `${room}/${f}`,
        specifier,
        lands: relative(SERVER, resolve(dirname(join(dir, f)), specifier)).split(/[\\/]/)[0]!,
      }));
    });
}

// The threads' plumbing and the turns between owners sit below the rooms that use them (interview, packs, sandbox):
// workers reached into interview for fair turns (session 18 product7, Left), so a change there could break the pack
// reader. They import from themselves and from each other, downwards only.
describe("the low rooms import nothing from the rooms above them", () => {
  it.each([
    ["workers", ["workers", "turns"]],
    ["turns", ["turns"]],
  ])("server/%s imports only from %j", (room, allowed) => {
    const imports = roomsImportedBy(room);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => !allowed.includes(i.lands))).toEqual([]);
  });
});
