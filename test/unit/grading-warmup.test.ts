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
