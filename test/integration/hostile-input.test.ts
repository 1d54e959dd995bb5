import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { PACK_READ_STEP_MS } from "../helpers/step-bounds.js";
import { connectClient } from "../helpers/socket-client.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
  token = (await server.app.teams.create("Acme")).token;
});
afterAll(() => server.close());

/** A raw HTTP request (fetch would fix up a bad URL or charset before sending). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
const upload = (body: string, path = "/api/teams/acme/packs") =>
  raw("POST", path, { authorization: `Bearer ${token}`, "content-type": "text/yaml" }, body);

describe("hostile input is refused cheaply, with a small clear answer", () => {
  it("a session:start with hundreds of thousands of rounds gets a short BAD_PAYLOAD, and the server keeps serving", async () => {
    const c = await connectClient(server.url);
    // ~270 kB, under the socket's 320 kB limit: numbers where round ids belong.
    const rounds = Array.from({ length: 45_000 }, (_, i) => i);
    const ack = await c.send("session:start", { packId: "mini", rounds });
    expect(ack).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD" } });
    expect(JSON.stringify(ack).length).toBeLessThan(1_500);
    // Same with a huge object of unknown keys: no message listing every key.
    const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    const ack2 = await c.send("session:start", { packId: "mini", ...keys });
    expect(ack2).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD" } });
    expect(JSON.stringify(ack2).length).toBeLessThan(1_500);
    // Many problems at once: the first few named, the rest counted.
    const many = await c.send("answer:submit", { sessionId: "x", questionId: "", submissionId: "", text: 1, code: 2, language: "cobol" });
    expect(many.ok || many.error.message).toMatch(/and \d+ more problem/);
    expect((await c.request("session:start", { packId: "mini" })).sessionId).toBeDefined();
    c.close();
  });

  it("an argument after the payload is refused with BAD_PAYLOAD on every event, and starts nothing", async () => {
    const c = await connectClient(server.url);
    for (const event of ["session:start", "session:resume", "answer:draft", "answer:submit", "session:end", "code:run"] as const) {
      const ack = await (c.socket.timeout(10_000) as never as { emitWithAck(...a: unknown[]): Promise<unknown> }).emitWithAck(
        event,
        { packId: "mini" },
        { x: 1 },
      );
      expect(ack).toMatchObject({
        ok: false,
        error: { code: "BAD_PAYLOAD", message: `${event}: takes one payload object (then the ack); got 1 extra argument` },
      });
    }
    expect(c.received.filter((e) => e.name === "round:start")).toEqual([]);
    expect((await c.request("session:start", { packId: "mini" })).sessionId).toBeDefined();
    c.close();
  });

  it("binary and deeply nested payloads are named as such, not listed key by key", async () => {
    const c = await connectClient(server.url);
    const binary = await c.send("answer:draft", Buffer.from("an answer"));
    expect(binary).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("binary data") } });
    expect(!binary.ok && binary.error.message).not.toMatch(/readBigUInt64LE|writeUInt/);
    const inside = await c.send("answer:draft", { sessionId: "x", questionId: "q", text: new Uint8Array([104, 105]) });
    expect(inside).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("binary data") } });
    const deep = await c.send("answer:draft", { a: { b: { c: { d: { e: 1 } } } } });
    expect(deep).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("nested more than") } });
    // The connection still serves.
    expect((await c.request("session:start", { packId: "mini" })).sessionId).toBeDefined();
    c.close();
  });

  it("an answer holding a NUL or half a surrogate pair is kept whole, those characters shown as U+FFFD (PostgreSQL refuses them)", async () => {
    const c = await connectClient(server.url);
    const start = await c.request("session:start", { packId: "mini" });
    await c.waitFor("question:end");
    const broken = "Chunk each article\u0000 by heading \ud800and embed the chunks \udc00in a vector index. \ud83d\ude00";
    await c.request("answer:draft", { sessionId: start.sessionId, questionId: "rag-basics", text: broken });
    expect(await c.request("session:end", { sessionId: start.sessionId })).toEqual({ ended: true });
    await c.waitFor("session:complete");
    const report = await server.app.service.report(start.sessionId, start.resumeToken);
    expect(report.rounds[0]!.questions[0]!.turns[0]!.answer).toEqual({
      text: "Chunk each article\uFFFD by heading \uFFFDand embed the chunks \uFFFDin a vector index. \ud83d\ude00",
    });
    c.close();
  });

  it("Expect: 100-continue: an over-limit Content-Length gets 413 at once, no 100 first; a body within the limit is asked for", async () => {
    const expecting = (length: number, body: string) =>
      new Promise<{ status: number; continued: boolean; body: string }>((resolve, reject) => {
        const url = new URL(server.url);
        let continued = false;
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            method: "POST",
            path: "/api/packs",
            headers: { "content-type": "application/json", "content-length": String(length), expect: "100-continue" },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode!, continued, body: Buffer.concat(chunks).toString("utf8") }));
          },
        );
        req.on("continue", () => {
          continued = true;
          req.end(body);
        });
        req.on("error", reject);
        req.flushHeaders();
      });
    const over = await expecting(5_000_000, "");
    expect(over).toMatchObject({ status: 413, continued: false });
    expect(JSON.parse(over.body).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("larger than") });
    const within = await expecting(Buffer.byteLength("{not json"), "{not json");
    expect(within).toMatchObject({ status: 400, continued: true });
    expect(JSON.parse(within.body).error.code).toBe("BAD_PAYLOAD");
  });

  it("oversized, mis-encoded and malformed HTTP requests get 413/400 with a message, never 500", async () => {
    const big = await raw("POST", "/api/packs", { "content-type": "application/json" }, JSON.stringify({ x: "y".repeat(1_100_000) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("larger than") });
    const charset = await raw("POST", "/api/packs", { "content-type": "application/json; charset=klingon" }, "{}");
    expect(charset.status).toBe(400);
    expect(JSON.parse(charset.body).error.message).toContain("charset");
    // Compressed bodies are refused whatever the scheme, not inflated (nor garbled into "malformed").
    for (const [encoding, body] of [
      ["gzip", gzipSync("{}")],
      ["deflate", deflateSync("{}")],
      ["br", brotliCompressSync("{}")],
      ["x-unknown", Buffer.from("{}")],
    ] as const) {
      const compressed = await raw("POST", "/api/packs", { "content-type": "application/json", "content-encoding": encoding }, body);
      expect(compressed.status, encoding).toBe(400);
      expect(JSON.parse(compressed.body).error, encoding).toMatchObject({
        code: "UNSUPPORTED_ENCODING",
        message: expect.stringContaining(encoding),
      });
    }
    const badJson = await raw("POST", "/api/packs", { "content-type": "application/json" }, "{not json");
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.code).toBe("BAD_PAYLOAD");
    // A JSON route sent another Content-Type (or none) names what it got and what it reads.
    const auth = { authorization: `Bearer ${token}` };
    const plain = await raw("POST", "/api/teams/acme/tokens", { ...auth, "content-type": "text/plain" }, '{"label":"Sam"}');
    expect(plain.status).toBe(400);
    expect(JSON.parse(plain.body).error).toMatchObject({
      code: "BAD_PAYLOAD",
      message: "body: this route reads JSON; send it with Content-Type: application/json (got text/plain)",
    });
    const none = await raw("POST", "/api/teams/acme/tokens", auth, "");
    expect(JSON.parse(none.body).error).toMatchObject({
      code: "BAD_PAYLOAD",
      message: "body: this route needs a JSON body; none was sent",
    });
    const badUrl = await raw("GET", "/api/sessions/%ZZ/report", {});
    expect(badUrl.status).toBe(400);
    expect(JSON.parse(badUrl.body).error.message).toContain("percent-encoding");
    const bigPack = await upload("a: " + "x".repeat(2_100_000));
    expect(bigPack.status).toBe(413);
    // Unauthenticated uploads are refused before the body is read or parsed.
    const anon = await raw("POST", "/api/teams/acme/packs", { "content-type": "text/yaml" }, "a: " + "x".repeat(2_100_000));
    expect(anon.status).toBe(401);
  });

  it("a body declared larger than a route's limit is refused at once, not waited for", async () => {
    // Two bytes sent, a gigabyte declared: the answer must not wait for the rest (it never comes).
    const lying = { "content-type": "application/json", "content-length": "999999999", authorization: `Bearer ${token}` };
    for (const path of [
      "/api/history",
      "/api/invites/abcdefabcdefabcdef/start",
      "/api/teams/acme/invites",
      "/api/teams/acme/authoring/suggest-terms",
      "/api/teams/acme/packs",
      "/api/teams/acme/packs/validate",
    ]) {
      const res = await raw("POST", path, lying, "{}");
      expect(res.status, path).toBe(413);
      expect(res.headers.connection).toBe("close");
      expect(JSON.parse(res.body).error.code).toBe("PAYLOAD_TOO_LARGE");
    }
  }, 20_000);

  it("a YAML alias bomb or deep nesting in a pack upload is a located 400, not a crash", async () => {
    const bomb = [
      "a: &a [x,x,x,x,x,x,x,x,x]",
      ..."bcdefghij".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghij"[i]}`).join(",")}]`),
    ].join("\n");
    const res = await upload(bomb);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).issues[0].message).toMatch(/alias/i);
    const deep = await upload("a: " + "[".repeat(200_000) + "]".repeat(200_000));
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body).issues[0].message).toMatch(/nested/);
    const dashes = await upload("a:\n" + "- ".repeat(100_000) + "x\n");
    expect(dashes.status).toBe(400);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it(
    "a pack of many keys is read in one pass (the parser's duplicate check was quadratic: 120,000 keys held the server for minutes), and a key given twice is still named",
    async () => {
      const manyKeys = Array.from({ length: 120_000 }, (_, i) => `k${i}: ${i}`).join("\n");
      expect(manyKeys.length).toBeLessThan(2_000_000);
      const res = await upload(manyKeys, "/api/teams/acme/packs/validate");
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).valid).toBe(false);
      const twice = await upload("id: a\ntitle: b\nid: c\n", "/api/teams/acme/packs/validate");
      expect(JSON.parse(twice.body).issues[0]).toMatchObject({ line: 3, message: expect.stringMatching(/the key "id" is given twice/) });
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      // The read's CPU time is the server's own bound (PACK_READ_TIMEOUT at 30 s of CPU, where a quadratic read of these
      // keys would stop); the test's wall bound is liveness only, measured for a loaded host.
    },
    PACK_READ_STEP_MS,
  );

  it("pack numbers have upper bounds: an endless round or an enormous weight is refused", async () => {
    const endless = TINY.replace(/minutes: [\d.]+/, "minutes: 1e308");
    const r1 = await upload(endless);
    expect(r1.status).toBe(400);
    expect(JSON.parse(r1.body).issues[0]).toMatchObject({ path: expect.stringContaining("minutes") });
    const heavy = TINY.replace("weight: 1", "weight: 1e308");
    const r2 = await upload(heavy);
    expect(r2.status).toBe(400);
    expect(JSON.parse(r2.body).issues[0]).toMatchObject({ path: expect.stringContaining("weight") });
  });

  it("serves the UI over plain HTTP without upgrade-insecure-requests", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("refuses a socket from another website's page, accepts this server's own pages", async () => {
    const { io } = await import("socket.io-client");
    const connect = (origin: string) =>
      new Promise<string>((resolve) => {
        const s = io(server.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { origin } });
        s.once("connect", () => (s.close(), resolve("connected")));
        s.once("connect_error", () => (s.close(), resolve("refused")));
      });
    expect(await connect("https://evil.example")).toBe("refused");
    expect(await connect(server.url)).toBe("connected");
  });
});
