import { request as httpRequest } from "node:http";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAcklessLog } from "../../server/realtime/ackless-log.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

type LogLine = { level: number; msg: string; suppressed?: number; byEvent?: Record<string, number> };
const logged: LogLine[] = [];
const logger = pino({ level: "warn" }, { write: (line: string) => void logged.push(JSON.parse(line) as LogLine) });

let server: TestServer;
let teamToken: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()], logger, rateLimits: null });
  teamToken = (await server.app.teams.create("Acme")).token;
});
afterAll(() => server.close());

/** A raw HTTP request: fetch would not send a body in a charset it does not speak. */
function raw(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: "POST", path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const HISTORY = Buffer.from(JSON.stringify({ sessions: [] }), "utf8");

describe("request bodies are read as UTF-8 only", () => {
  it.each(["utf-7", "UTF-7", '"utf-7"', "iso-8859-1", "utf-16le", "latin1", "klingon"])(
    "charset=%s on a JSON body is refused with UNSUPPORTED_CHARSET",
    async (charset) => {
      const res = await raw("/api/history", { "content-type": `application/json; charset=${charset}` }, HISTORY);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.body);
      expect(body.error.code).toBe("UNSUPPORTED_CHARSET");
      expect(body.error.message).toContain("UTF-8");
    },
  );

  it.each(["utf-8", "UTF-8", '"utf-8"', "utf8", "us-ascii"])("charset=%s is read", async (charset) => {
    const res = await raw("/api/history", { "content-type": `application/json; charset=${charset}` }, HISTORY);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ sessions: [], unproven: [] });
  });

  it("a body without a charset is read as UTF-8", async () => {
    expect((await raw("/api/history", { "content-type": "application/json" }, HISTORY)).status).toBe(200);
  });

  it("UTF-7 is refused on pack uploads too (text bodies), where '+ADw-' would decode to '<'", async () => {
    const res = await raw(
      "/api/teams/acme/packs/validate",
      { authorization: `Bearer ${teamToken}`, "content-type": "application/yaml; charset=utf-7" },
      Buffer.from("id: x\ntitle: +ADw-script+AD4-\n"),
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("UNSUPPORTED_CHARSET");
  });
});

describe("events sent without an ack callback", () => {
  it("a flood of them logs one warning, not one per event", async () => {
    const c = await connectClient(server.url);
    const { sessionId } = await c.request("session:start", { packId: "mini", mode: "practice" });
    const before = logged.length;
    // The typed socket insists on an ack; this client deliberately sends none.
    const untyped = c.socket as unknown as { emit(event: string, payload: unknown): void };
    for (let i = 0; i < 300; i++) untyped.emit("answer:draft", { sessionId, questionId: "failure-story", text: `draft ${i}` });
    // An acked event after them: the server has read the flood once it answers.
    await c.send("session:end", { sessionId: "not-a-uuid" });
    const warnings = logged.slice(before).filter((l) => l.msg.includes("without an ack"));
    expect(warnings).toHaveLength(1);
    c.close();
  });

  it("the rest are counted per event and summarised once the next minute's first one comes", () => {
    const lines: LogLine[] = [];
    const log = createAcklessLog(
      pino({ level: "warn" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }),
      () => now,
    );
    let now = 0;
    for (let i = 0; i < 1000; i++) log(i % 2 ? "answer:draft" : "code:run", "s1");
    expect(lines).toHaveLength(1);
    now = 59_999;
    log("answer:draft", "s1");
    expect(lines).toHaveLength(1);
    now = 60_000;
    log("answer:submit", "s2");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ suppressed: 1000, byEvent: { "answer:draft": 501, "code:run": 499 } });
    expect(lines[2]!.msg).toContain("without an ack");
  });
});
