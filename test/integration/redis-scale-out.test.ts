import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from "../../server/limits/index.js";
import { miniPack } from "../helpers/packs.js";
import { adminRedis, deleteKeysUnder, keysUnder, killConnectionsUnder, redisUrlForTests, uniqueRedisPrefix } from "../helpers/redis.js";
import { startTestServer, tempDatabaseFile, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

const REDIS_URL = redisUrlForTests("redis-scale-out");

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const prefixes: string[] = [];
let admin: Redis;
beforeAll(() => {
  if (REDIS_URL) admin = adminRedis(REDIS_URL);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const p of prefixes.splice(0)) await deleteKeysUnder(admin, p);
});
afterAll(() => admin?.disconnect());

/** Two instances of the app on one database and one Redis prefix, as behind a load balancer. */
async function twoInstances(options: { rateLimits?: RateLimitConfig | null } = {}) {
  const keyPrefix = uniqueRedisPrefix("scale");
  prefixes.push(keyPrefix);
  const databaseFile = tempDatabaseFile();
  const start = () =>
    startTestServer({
      packs: [miniPack()],
      databaseFile,
      redis: { url: REDIS_URL!, keyPrefix },
      trustProxy: true,
      rateLimits: options.rateLimits ?? null,
    });
  const a = await start();
  const b = await start();
  servers.push(a, b);
  return { a, b, keyPrefix };
}
async function client(url: string): Promise<TestClient> {
  const c = await connectClient(url);
  clients.push(c);
  return c;
}
// Each check from an address of its own, so polling never spends a test's small rate-limit budget.
let checks = 0;
const health = async (url: string) =>
  (
    await fetch(`${url}/api/health`, { headers: { "x-forwarded-for": `10.250.${(++checks >> 8) & 255}.${checks & 255}` } })
  ).json() as Promise<{
    redis?: string;
  }>;
async function untilRedisReady(urls: string[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const states = await Promise.all(urls.map(async (u) => (await health(u)).redis));
    if (states.every((s) => s === "ready")) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the instances did not reconnect to Redis within 10 s");
}
const answer = (text: string) => ({ submissionId: randomUUID(), text });
const RAG = "Chunk each article by heading and store embeddings in a vector index; retrieve the top five chunks for the answer.";

describe.skipIf(!REDIS_URL)("several instances on Redis", () => {
  it("a candidate resumes on the other instance with replay, draft and live events, and a watcher on the first sees them", async () => {
    const { a, b } = await twoInstances();
    await untilRedisReady([a.url, b.url]);
    const c1 = await client(a.url);
    const start = await c1.request("session:start", { packId: "mini", rounds: ["design"] });
    const sessionId: string = start.sessionId;
    const q1 = await c1.waitFor("question:end", (p) => p.questionId === "rag-basics");
    await c1.request("answer:submit", { sessionId, questionId: "rag-basics", ...answer(RAG) });
    const q2 = await c1.waitFor("question:end", (p) => p.questionId === "rag-basics~f1", { afterSeq: q1.payload.seq });
    await c1.request("answer:draft", { sessionId, questionId: "rag-basics~f1", text: "half-written follow-up answer" });
    // A second tab on instance A, from here on.
    const watcher = await client(a.url);
    await watcher.request("session:resume", { sessionId, resumeToken: start.resumeToken, lastSeq: q2.payload.seq });
    c1.close();

    // The candidate comes back through the balancer and lands on B, having missed the follow-up's events.
    const back = await client(b.url);
    const resumed = await back.request("session:resume", { sessionId, resumeToken: start.resumeToken, lastSeq: q1.payload.seq });
    expect(resumed.snapshot.question.questionId).toBe("rag-basics~f1");
    expect(resumed.snapshot.draft).toMatchObject({ text: "half-written follow-up answer" });
    expect(back.received.map((e) => e.payload.seq)).toEqual(
      c1.received.filter((e) => e.payload.seq > q1.payload.seq).map((e) => e.payload.seq),
    );

    // B runs the next step; its events reach the candidate on B and the watcher on A, once each, same seqs.
    await back.request("answer:submit", { sessionId, questionId: "rag-basics~f1", ...answer("An eval with recall on a golden set.") });
    const onB = await back.waitFor("question:end", (p) => p.questionId === "cost-estimate");
    const onA = await watcher.waitFor("question:end", (p) => p.questionId === "cost-estimate");
    expect(onA.payload.seq).toBe(onB.payload.seq);
    const seqsOnA = watcher.received.map((e) => e.payload.seq);
    expect(new Set(seqsOnA).size).toBe(seqsOnA.length);
    expect(seqsOnA).toEqual(back.received.filter((e) => e.payload.seq > q2.payload.seq).map((e) => e.payload.seq));
  });

  it("rate limits are counted once across instances, in Redis", async () => {
    const rateLimits: RateLimitConfig = { ...DEFAULT_RATE_LIMITS, httpPerAddress: { points: 4, seconds: 60 } };
    const { a, b, keyPrefix } = await twoInstances({ rateLimits });
    await untilRedisReady([a.url, b.url]);
    const get = (url: string) => fetch(`${url}/api/packs`, { headers: { "x-forwarded-for": "10.9.9.9" } }).then((r) => r.status);
    expect([await get(a.url), await get(b.url), await get(a.url), await get(b.url)]).toEqual([200, 200, 200, 200]);
    expect(await get(b.url)).toBe(429);
    expect(await get(a.url)).toBe(429);
    expect((await keysUnder(admin, keyPrefix)).some((k) => k.includes("httpPerAddress") && k.endsWith("10.9.9.9"))).toBe(true);
  });

  it("new sessions from one address are counted once across instances, in Redis, and the refusal says when to retry", async () => {
    const rateLimits: RateLimitConfig = { ...DEFAULT_RATE_LIMITS, startsPerAddress: { points: 2, seconds: 60 } };
    const { a, b, keyPrefix } = await twoInstances({ rateLimits });
    await untilRedisReady([a.url, b.url]);
    const from = (url: string) => connectClient(url, { headers: { "x-forwarded-for": "2001:db8:9:9::1" } });
    const start = async (url: string) => {
      const c = await from(url);
      clients.push(c);
      return c.send("session:start", { packId: "mini", rounds: ["design"] });
    };
    expect((await start(a.url)).ok).toBe(true);
    expect((await start(b.url)).ok).toBe(true);
    const refused = await start(a.url);
    if (refused.ok) throw new Error("the third session from one address was started");
    expect(refused.error.code).toBe("RATE_LIMITED");
    expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    expect((await keysUnder(admin, keyPrefix)).some((k) => k.includes("startsPerAddress") && k.endsWith("2001:db8:9:9::/64"))).toBe(true);
  });

  it("after every Redis connection is cut (as in a Redis restart) the instances reconnect and share broadcasts and limits again", async () => {
    const rateLimits: RateLimitConfig = { ...DEFAULT_RATE_LIMITS, httpPerAddress: { points: 3, seconds: 60 } };
    const { a, b, keyPrefix } = await twoInstances({ rateLimits });
    await untilRedisReady([a.url, b.url]);
    expect(await killConnectionsUnder(admin, keyPrefix)).toBe(6);
    await untilRedisReady([a.url, b.url]);

    const c = await client(a.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["design"] });
    const q1 = await c.waitFor("question:end", (p) => p.questionId === "rag-basics");
    const watcher = await client(b.url);
    await watcher.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken, lastSeq: q1.payload.seq });
    await c.request("answer:submit", { sessionId: start.sessionId, questionId: "rag-basics", ...answer(RAG) });
    const live = await watcher.waitFor("question:end", (p) => p.questionId === "rag-basics~f1");
    expect(live.payload.seq).toBeGreaterThan(q1.payload.seq);

    const get = (url: string) => fetch(`${url}/api/packs`, { headers: { "x-forwarded-for": "10.8.8.8" } }).then((r) => r.status);
    expect([await get(a.url), await get(b.url), await get(a.url), await get(b.url)]).toEqual([200, 200, 200, 429]);
  });

  it("with Redis unreachable an instance still runs interviews and still limits, from memory", async () => {
    const dead = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const rateLimits: RateLimitConfig = { ...DEFAULT_RATE_LIMITS, httpPerAddress: { points: 2, seconds: 60 } };
    const server = await startTestServer({
      packs: [miniPack()],
      redis: { url: `redis://127.0.0.1:${dead}`, keyPrefix: uniqueRedisPrefix("dead") },
      trustProxy: true,
      rateLimits,
    });
    servers.push(server);
    expect((await health(server.url)).redis).not.toBe("ready");
    const c = await client(server.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["design"] });
    await c.waitFor("question:end", (p) => p.questionId === "rag-basics");
    expect(await c.request("answer:submit", { sessionId: start.sessionId, questionId: "rag-basics", ...answer(RAG) })).toEqual({
      accepted: true,
      duplicate: false,
    });
    await c.waitFor("question:end", (p) => p.questionId === "rag-basics~f1");
    const get = () => fetch(`${server.url}/api/packs`, { headers: { "x-forwarded-for": "10.7.7.7" } }).then((r) => r.status);
    expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
  });
});
