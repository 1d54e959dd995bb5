import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { DEFAULT_RATE_LIMITS } from "../../server/limits/index.js";
import { REFUSALS_BEFORE_DISCONNECT } from "../../server/realtime/socket-server.js";
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
      // Until the server closes the connection for flooding on after being limited.
      while (!stop && s.connected) {
        const burst = (
          await Promise.all(
            Array.from({ length: 20 }, () =>
              ask(s, "answer:draft", { sessionId, questionId: "rag-basics", text: "spam" }).catch(() => null),
            ),
          )
        ).filter((a) => a !== null);
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
    expect(flooders.some((s) => !s.connected)).toBe(true);
    expect(honest.connected).toBe(true);
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

  it("HTTP limits apply to a loopback client with no proxy in front, and the default holds one address to 30 requests a second", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      rateLimits: { ...DEFAULT_RATE_LIMITS, httpPerAddress: { points: 5, seconds: 60 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // 600 per 10 s let one client send 60 requests a second without ever seeing a 429.
    expect(DEFAULT_RATE_LIMITS.httpPerAddress.points / DEFAULT_RATE_LIMITS.httpPerAddress.seconds).toBeLessThanOrEqual(30);
  });

  it("behind a proxy, the address is the one the proxy saw: changing the first X-Forwarded-For entry does not buy a new budget", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, httpPerAddress: { points: 5, seconds: 60 }, socketPerAddress: { points: 3, seconds: 60 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await fetch(`${server.url}/api/packs`, { headers: { "x-forwarded-for": `203.0.113.${i}, 10.0.4.1` } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const sockets = await Promise.all([1, 2, 3, 4].map((i) => clientFrom(`198.51.100.${i}, 10.0.4.2`)));
    const acks = await Promise.all(sockets.map((s) => ask(s, "session:end", { sessionId: crypto.randomUUID() })));
    expect(acks.map((a) => a.error?.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "RATE_LIMITED"]);
  });

  it("closes a connection that keeps sending after RATE_LIMITED; others on the same address go on", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, socketPerConnection: { points: 5, seconds: 60 } },
    });
    const flooder = await clientFrom("10.0.6.1");
    const closed = new Promise<string>((r) => flooder.once("disconnect", (reason) => r(reason)));
    const sends = Array.from({ length: 5 + REFUSALS_BEFORE_DISCONNECT }, () =>
      flooder
        .timeout(2_000)
        .emitWithAck("session:end", { sessionId: crypto.randomUUID() })
        .catch(() => null),
    );
    expect(await closed).toBe("io server disconnect");
    const acks = (await Promise.all(sends)) as ({ error?: { code: string } } | null)[];
    expect(acks.filter((a) => a?.error?.code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(REFUSALS_BEFORE_DISCONNECT - 1);
    const neighbour = await clientFrom("10.0.6.1");
    expect((await ask(neighbour, "session:end", { sessionId: crypto.randomUUID() })).error?.code).toBe("FORBIDDEN");
  });

  it("caps new sessions for the whole server, whatever the addresses", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, startsGlobal: { points: 2, seconds: 60 } },
    });
    const clients = await Promise.all([1, 2, 3].map((i) => clientFrom(`10.0.7.${i}`)));
    const acks = [];
    for (const c of clients) acks.push(await ask(c, "session:start", { packId: "mini", rounds: ["design"] }));
    expect(acks.map((a) => a.ok)).toEqual([true, true, false]);
    expect(acks[2]!.error?.code).toBe("RATE_LIMITED");
    expect(acks[2]!.error?.retryAfterMs).toBeGreaterThan(0);
  });

  /** Team acme with the "tiny" pack and `count` open invites; their tokens. */
  async function acmeInvites(count: number): Promise<string[]> {
    const token = (await server.app.teams.create("Acme")).token;
    const auth = { authorization: `Bearer ${token}`, "x-forwarded-for": "10.200.0.1" };
    const tiny = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
    expect((await fetch(`${server.url}/api/teams/acme/packs`, { method: "POST", body: tiny, headers: auth })).status).toBe(201);
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${server.url}/api/teams/acme/invites`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ packId: "tiny", candidateLabel: `Candidate ${i + 100}` }),
      });
      expect(res.status).toBe(201);
      tokens.push(((await res.json()) as { token: string }).token);
    }
    return tokens;
  }
  const openInvite = (token: string, address: string) =>
    fetch(`${server.url}/api/invites/${token}/start`, { method: "POST", headers: { "x-forwarded-for": address } });

  // A team that invites its candidates to sit in one office (one NAT address) was locked out once that address had
  // started 30 sessions in a minute, socket starts and invite opens together. Invite opens have their own budget.
  it("invites opened from one address have their own budget: the address's socket starts neither spend nor block it", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        startsPerAddress: { points: 2, seconds: 60 },
        inviteStartsPerAddress: { points: 3, seconds: 60 },
      },
    });
    const [first, second, third, fourth] = await acmeInvites(4);
    const c = await clientFrom("10.0.8.1");
    for (let i = 0; i < 2; i++) expect((await ask(c, "session:start", { packId: "mini", rounds: ["design"] })).ok).toBe(true);
    expect((await ask(c, "session:start", { packId: "mini", rounds: ["design"] })).error?.code).toBe("RATE_LIMITED");
    // The address's socket starts are spent; its candidates' invites still open, three of them.
    for (const token of [first, second, third]) expect((await openInvite(token!, "10.0.8.1")).status).toBe(201);
    // The fourth invite from that address: refused with when to come back, and no session made.
    const refused = await openInvite(fourth!, "10.0.8.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string; retryAfterMs: number } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.retryAfterMs).toBeGreaterThan(0);
    expect(body.error.message).toMatch(/^Your address has opened too many invites/);
    // The refused invite is still open for the candidate, from another address.
    expect((await openInvite(fourth!, "10.0.8.2")).status).toBe(201);
  });

  it("opened invites do not spend the address's socket starts", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, startsPerAddress: { points: 1, seconds: 60 } },
    });
    const tokens = await acmeInvites(2);
    for (const token of tokens) expect((await openInvite(token, "10.0.8.3")).status).toBe(201);
    expect((await ask(await clientFrom("10.0.8.3"), "session:start", { packId: "mini", rounds: ["design"] })).ok).toBe(true);
  });

  it("an IPv6 client's whole /64 is one address: rotating through it buys no new sessions", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, startsPerAddress: { points: 2, seconds: 60 } },
    });
    const start = async (address: string) =>
      (await ask(await clientFrom(address), "session:start", { packId: "mini", rounds: ["design"] })).ok;
    expect(await start("2001:db8:1:2::1")).toBe(true);
    expect(await start("2001:db8:1:2:aaaa::2")).toBe(true);
    expect(await start("2001:0db8:0001:0002:ffff:1:2:3")).toBe(false);
    expect(await start("2001:db8:1:3::1")).toBe(true);
  });

  it("a team's invites have their own session budget, whatever addresses open them", async () => {
    server = await startTestServer({
      packs: [miniPack()],
      trustProxy: true,
      rateLimits: { ...DEFAULT_RATE_LIMITS, startsPerTeam: { points: 2, seconds: 60 } },
    });
    const tokens = await acmeInvites(3);
    expect((await openInvite(tokens[0]!, "10.0.9.1")).status).toBe(201);
    expect((await openInvite(tokens[1]!, "10.0.9.2")).status).toBe(201);
    const refused = await openInvite(tokens[2]!, "10.0.9.3");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^This team's invites have started too many sessions/,
    );
    // Sessions started on the socket are not the team's to spend.
    expect((await ask(await clientFrom("10.0.9.3"), "session:start", { packId: "mini", rounds: ["design"] })).ok).toBe(true);
  });
});
