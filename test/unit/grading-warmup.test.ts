import pino from "pino";
import { describe, expect, it } from "vitest";
import { createGradingWarmup } from "../../server/interview/grading-warmup.js";
import type { PackRecord } from "../../server/scenarios/index.js";
import { miniPack } from "../helpers/packs.js";

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe("building a pack's grading index ahead of need", () => {
  it("reads each pack version once, after the current turn of the event loop", async () => {
    const pack = miniPack();
    const reads: string[] = [];
    const warm = createGradingWarmup(
      {
        get: async (id: string, version?: number) => {
          reads.push(`${id}@${version}`);
          return { key: id, version: version ?? 1, pack } as unknown as PackRecord;
        },
      },
      pino({ level: "silent" }),
    );
    warm("mini", 1);
    warm("mini", 1);
    warm("mini", 2);
    expect(reads).toEqual([]);
    await nextTurn();
    await nextTurn();
    warm("mini", 1);
    await nextTurn();
    expect(reads).toEqual(["mini@1", "mini@2"]);
  });

  it("only warns when the pack cannot be read (the first follow-up builds the index then)", async () => {
    const warnings: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    const warm = createGradingWarmup(
      {
        get: async () => {
          throw new Error("store down");
        },
      },
      logger,
    );
    warm("mini", 1);
    await nextTurn();
    await nextTurn();
    expect(warnings).toEqual(["could not build the grading index ahead of need"]);
  });
});

describe("a warm-up the server's shutdown cuts short", () => {
  const logged = () => {
    const lines: { level: number; msg: string }[] = [];
    return { lines, logger: pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
  };
  const pack = miniPack();
  const catalog = { get: async (id: string, version: number) => ({ key: id, version, pack }) as unknown as PackRecord };

  it("is logged at debug, not as a warning, when the build fails while the server is stopping; a failure while it runs still warns", async () => {
    let stopping = false;
    const builds: { reject: (err: Error) => void }[] = [];
    const build = () => new Promise<void>((_resolve, reject) => void builds.push({ reject }));
    const { lines, logger } = logged();
    const warm = createGradingWarmup(catalog, logger, build, () => stopping);
    warm("mini", 1);
    warm("mini", 2);
    await nextTurn();
    await nextTurn();
    expect(builds).toHaveLength(2);
    // The server runs: a real failure is a warning.
    builds[0]!.reject(new Error("the grading thread stopped"));
    await nextTurn();
    // The server is stopping: the thread closing under the build is no problem.
    stopping = true;
    builds[1]!.reject(new Error("the grading thread is closing"));
    await nextTurn();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, "could not build the grading index ahead of need"],
      [20, "grading index warm-up cut short: the server is stopping"],
    ]);
  });

  it("is not started once the server is stopping", async () => {
    let built = 0;
    const { lines, logger } = logged();
    let stopping = false;
    const warm = createGradingWarmup(
      catalog,
      logger,
      async () => void built++,
      () => stopping,
    );
    warm("mini", 1);
    stopping = true;
    await nextTurn();
    await nextTurn();
    expect(built).toBe(0);
    expect(lines).toEqual([]);
  });
});
