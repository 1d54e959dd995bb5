import pino from "pino";
import { describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer } from "../helpers/server.js";

type LogLine = { level: number; msg: string };

// The real start warms the grading index of the built-in packs once listening; a server stopped within a second of
// starting cut that warm-up short and logged a warning for it. A shutdown is no problem to warn about.
describe("stopping the server while it warms the grading index", () => {
  it("logs no warning for the warm-up it cut short (at most a debug line)", async () => {
    const lines: LogLine[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
    const pack = miniPack();
    const server = await startTestServer({ packs: [pack], sandbox: null, logger });
    server.app.service.warmGrading([{ packId: pack.id, version: pack.version }]);
    await server.close();
    // What the shutdown cut short settles on the turns after close() (a store read refused once the store closed).
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    const warmup = lines.filter((l) => /grading index/.test(l.msg));
    expect(warmup.filter((l) => l.level >= 40)).toEqual([]);
    for (const l of warmup) expect(l).toMatchObject({ level: 20, msg: "grading index warm-up cut short: the server is stopping" });
  });
});
