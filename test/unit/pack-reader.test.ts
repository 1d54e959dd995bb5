import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceError } from "../../server/contracts/index.js";
import { createPackReader, type PackReader } from "../../server/packs/index.js";
import { locatedPack, PackValidationError, parsePackLocated, parsePackPortable } from "../../server/scenarios/index.js";
import { bigPackYaml } from "../helpers/big-pack.js";
import { manualTimers } from "../helpers/manual-timers.js";
import { FIXTURE_PACKS_DIR } from "../helpers/packs.js";
import { PACK_READ_STEP_MS } from "../helpers/step-bounds.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
const MINI = readFileSync(`${FIXTURE_PACKS_DIR}/mini/pack.yaml`, "utf8");
const tinyAs = (id: string) => TINY.replace("id: tiny", `id: ${id}`);

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => (e instanceof ServiceError ? e.code : e instanceof PackValidationError ? "PACK_INVALID" : String(e)),
  );

let reader: PackReader | null = null;
afterEach(async () => {
  await reader?.close();
  reader = null;
});

describe("pack positions that cross a thread", () => {
  it("locate every path the main thread asks for where parsePackLocated does", () => {
    const here = parsePackLocated(MINI, "upload");
    const there = locatedPack(structuredClone(parsePackPortable(MINI, "upload")));
    expect(there.pack).toEqual(here.pack);
    const paths: (string | number)[][] = [
      [],
      ["title"],
      ["rounds", 2, "questions", 0],
      ["questions", 3, "coding", "referenceSolution", "python"],
      ["questions", 3, "coding", "referenceSolution", "typescript"],
      ["questions", 0, "rubric", 1, "weight"],
      ["questions", 9, "title"],
    ];
    for (const path of paths) expect(there.locate(path), JSON.stringify(path)).toEqual(here.locate(path));
    // Deeper than the table: located at the ancestor five levels down, not lost.
    expect(there.locate(["questions", 0, "rubric", 0, "evidence", "concepts", 1]).line).toBe(
      here.locate(["questions", 0, "rubric", 0, "evidence"]).line,
    );
  });
});

describe("the pack reader thread", () => {
  it("reads a pack with its locator, and a broken one with the same located problems as on this thread", async () => {
    reader = createPackReader();
    const located = await reader.read(MINI, "editor", "acme");
    expect(located.pack.id).toBe("mini");
    expect(located.locate(["title"])).toEqual({ file: "editor", path: "title", line: 4, column: 8 });
    const broken = TINY.replace("weight: 1", "weight: -1");
    const err = await reader.read(broken, "upload", "acme").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackValidationError);
    let expected: unknown;
    try {
      parsePackLocated(broken, "upload");
    } catch (e) {
      expected = (e as PackValidationError).issues;
    }
    expect((err as PackValidationError).issues).toEqual(expected);
    expect((err as PackValidationError).issues[0]).toMatchObject({ path: "questions[0].rubric[0].weight", line: 17 });
  });

  it(
    "lets a team have one pack read and one waiting; a third is refused at once while other teams still queue",
    { timeout: PACK_READ_STEP_MS },
    async () => {
      reader = createPackReader({ maxWaiting: 2 });
      const first = reader.read(bigPackYaml(), "editor", "acme");
      const second = reader.read(tinyAs("second"), "editor", "acme");
      expect(reader.reading).toBe(1);
      expect(await codeOf(reader.read(tinyAs("third"), "editor", "acme"))).toBe("PACK_READ_BUSY");
      const other = reader.read(tinyAs("other"), "editor", "globex");
      // The queue holds two (acme's second, globex's): a third team is refused with the server-wide code.
      expect(await codeOf(reader.read(tinyAs("late"), "editor", "initech"))).toBe("PACK_READ_QUEUE_FULL");
      expect((await first).pack.questions.length).toBeGreaterThan(400);
      expect((await second).pack.id).toBe("second");
      expect((await other).pack.id).toBe("other");
      // Once acme's reads answered, it may queue again.
      expect((await reader.read(tinyAs("again"), "editor", "acme")).pack.id).toBe("again");
    },
  );

  it(
    "gives up a read past its time bound with PACK_READ_TIMEOUT and reads the next pack in a new thread",
    { timeout: PACK_READ_STEP_MS },
    async () => {
      const timers = manualTimers();
      // The thread's CPU clock reads 30 s spent by the time the bound is looked at (the bound is CPU time).
      let cpuReads = 0;
      reader = createPackReader({ startTimer: timers.startTimer, timeoutMs: 30_000, threadCpuMs: () => cpuReads++ * 30_000 });
      const slow = reader.read(bigPackYaml(), "editor", "acme");
      const next = reader.read(tinyAs("next"), "editor", "globex");
      expect(timers.armed).toHaveLength(1);
      expect(timers.armed[0]!.ms).toBe(30_000);
      timers.armed[0]!.fire();
      const err = await slow.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServiceError);
      expect((err as ServiceError).code).toBe("PACK_READ_TIMEOUT");
      expect((err as ServiceError).message).toContain("30 s");
      expect((await next).pack.id).toBe("next");
      // The next read had a time bound of its own, cancelled when it answered.
      expect(timers.armed).toHaveLength(2);
      expect(timers.armed[1]!.cancelled).toBe(true);
    },
  );

  it("fails what is waiting when it closes, and refuses new reads", async () => {
    reader = createPackReader();
    const reading = codeOf(reader.read(MINI, "editor", "acme"));
    const waiting = codeOf(reader.read(TINY, "editor", "acme"));
    await reader.close();
    expect(await reading).toContain("closing");
    expect(await waiting).toContain("closing");
    expect(await codeOf(reader.read(TINY, "editor", "acme"))).toContain("closed");
  });
});
