import { afterEach, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { DEFAULT_RATE_LIMITS } from "../../server/limits/index.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await server?.close();
});

/** A client behind its own address (the server trusts X-Forwarded-For in this test, as behind a proxy). */
async function clientFrom(address: string): Promise<Socket> {
  const s = io(server.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { "x-forwarded-for": address },
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject)));
  return s;
}
const ask = (s: Socket, event: string, payload: unknown) =>
  s.timeout(10_000).emitWithAck(event, payload) as Promise<{ ok: boolean; data?: any; error?: { code: string; retryAfterMs?: number } }>;

describe("rate limits", () => {
  it("20 flooding clients get RATE_LIMITED with a retry-after; an honest candidate's every draft is still acked", async () => {
    server = await startTestServer({ packs: [miniPack()], trustProxy: true });
    const honest = await clientFrom("10.0.0.1");
    const asked = new Promise<void>((r) => honest.once("question:end", () => r()));
    const start = await ask(honest, "session:start", { packId: "mini", rounds: ["design"] });
    expect(start.ok).toBe(true);
    const { sessionId } = start.data;
    await asked;

    const flooders = await Promise.all(Array.from({ length: 20 }, (_, i) => clientFrom(`10.0.1.${i + 1}`)));
    let stop = false;
    const codes = new Map<string, number>();
    const flood = flooders.map(async (s) => {
      while (!stop) {
        const burst = await Promise.all(
          Array.from({ length: 20 }, () => ask(s, "answer:draft", { sessionId, questionId: "rag-basics", text: "spam" })),
        );
        for (const a of burst) if (!a.ok) codes.set(a.error!.code, (codes.get(a.error!.code) ?? 0) + 1);
        const limited = burst.find((a) => a.error?.code === "RATE_LIMITED");
        if (limited) expect(limited.error!.retryAfterMs).toBeGreaterThan(0);
        await new Promise((r) => setImmediate(r));
      }
    });
    const honestAcks = [];
    for (let i = 0; i < 8; i++) {
      honestAcks.push(await ask(honest, "answer:draft", { sessionId, questionId: "rag-basics", text: `draft ${i}` }));
      await new Promise((r) => setTimeout(r, 50));
    }
    stop = true;
    await Promise.all(flood);
    expect(honestAcks.every((a) => a.ok)).toBe(true);
    expect(codes.get("RATE_LIMITED")).toBeGreaterThan(0);
  }, 60_000);

  it("limits per client address across connections, and HTTP routes per address with 429 and Retry-After", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, socketPerAddress: { points: 15, seconds: 60 }, httpPerAddress: { points: 5, seconds: 60 } },
    });
    // Ten connections from one address share its budget of 15 events.
    const same = await Promise.all(Array.from({ length: 10 }, () => clientFrom("10.0.2.1")));
    const acks = await Promise.all(
      same.flatMap((s) => [
        ask(s, "session:end", { sessionId: crypto.randomUUID() }),
        ask(s, "session:end", { sessionId: crypto.randomUUID() }),
      ]),
    );
    expect(acks.filter((a) => a.error?.code === "RATE_LIMITED")).toHaveLength(5);
    // Another address is not affected.
    const other = await clientFrom("10.0.2.2");
    expect((await ask(other, "session:end", { sessionId: crypto.randomUUID() })).error?.code).toBe("FORBIDDEN");

    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push(await fetch(`${server.url}/api/packs`, { headers: { "x-forwarded-for": "10.0.3.1" } }));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(statuses[5]!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await statuses[5]!.json()).error.code).toBe("RATE_LIMITED");
    expect((await fetch(`${server.url}/api/packs`, { headers: { "x-forwarded-for": "10.0.3.2" } })).status).toBe(200);
  });
});
