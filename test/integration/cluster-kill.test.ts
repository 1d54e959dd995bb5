// Three real server processes (the `npm start` entry point) on one PostgreSQL database and one Redis,
// behind a round-robin TCP proxy. One is killed with SIGKILL mid-interview while round deadlines
// pass; then PostgreSQL and Redis "restart" (every server connection to them is cut). Nothing is
// done by hand in between. Round lengths are short (20 s) so deadlines pass during the test; the
// waits are for conditions (events in the database, health), not fixed sleeps.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { parse, stringify } from "yaml";
import { requirePostgres } from "../helpers/database.js";
import { spawnInstance, type Instance } from "../helpers/instances.js";
import { FIXTURE_PACKS_DIR } from "../helpers/packs.js";
import { adminRedis, deleteKeysUnder, killConnectionsUnder, redisUrlForTests, uniqueRedisPrefix } from "../helpers/redis.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";

const DATABASE_URL = requirePostgres("the cluster kill test");
const REDIS_URL = redisUrlForTests("the cluster kill test");
const SHORT_ROUND_SECONDS = 20;

/** The mini pack with a short design round (its deadline passes during the test) and a long story round. */
function packsDir(): string {
  const pack = parse(readFileSync(join(FIXTURE_PACKS_DIR, "mini", "pack.yaml"), "utf8")) as { rounds: { id: string; minutes: number }[] };
  for (const round of pack.rounds) round.minutes = round.id === "design" ? SHORT_ROUND_SECONDS / 60 : 30;
  const dir = mkdtempSync(join(tmpdir(), "mi-kill-packs-"));
  mkdirSync(join(dir, "mini"));
  writeFileSync(join(dir, "mini", "pack.yaml"), stringify(pack));
  return dir;
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A candidate's story, as the test saw it. */
type Candidate = {
  index: number;
  /** long: its round outlives the test; short: its deadline passes during the outage. */
  kind: "long" | "short-back-at-once" | "short-back-late";
  client: TestClient;
  sessionId: string;
  resumeToken: string;
  acked: string[];
  question: string;
  draft: string;
  endsAt: number;
  disconnected: boolean;
};

let admin: pg.Client;
let db: pg.Client;
let redis: Redis;
let database = "";
let keyPrefix = "";
const instances: Instance[] = [];
let proxy: TcpProxy;

describe.skipIf(!DATABASE_URL || !REDIS_URL)("three instances on PostgreSQL + Redis", () => {
  beforeAll(async () => {
    database = `mi_kill_${randomUUID().slice(0, 8)}`;
    admin = new pg.Client({ connectionString: DATABASE_URL! });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const url = withDatabase(DATABASE_URL!, database);
    db = new pg.Client({ connectionString: url, application_name: "kill-test observer" });
    await db.connect();
    redis = adminRedis(REDIS_URL!);
    keyPrefix = uniqueRedisPrefix("kill");
    const env = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "4",
      REDIS_URL: REDIS_URL!,
      REDIS_KEY_PREFIX: keyPrefix,
      PACKS_DIR: packsDir(),
      // Leases matter only for a step cut short; the kill comes between steps. Shorter ones expire on a
      // loaded 2-core machine while an instance waits for CPU, and its own poller then takes the session from it.
      CLUSTER_LEASE_MS: "8000",
      CLUSTER_POLL_MS: "200",
      SANDBOX_PYTHON_POOL: "0",
      SANDBOX_TS_WORKERS: "1",
      LOG_LEVEL: "warn",
    };
    const dataDir = () => mkdtempSync(join(tmpdir(), "mi-kill-"));
    // The first migrates; the other two start together once the schema is there.
    instances.push(await spawnInstance("kill-a", { ...env, DATA_DIR: dataDir() }));
    instances.push(...(await Promise.all(["kill-b", "kill-c"].map((name) => spawnInstance(name, { ...env, DATA_DIR: dataDir() })))));
    proxy = await startTcpProxy(instances.map((i) => ({ host: "127.0.0.1", port: i.port })));
  }, 180_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(instances.map((i) => i.kill("SIGKILL")));
    await db?.end().catch(() => undefined);
    if (database) await admin?.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
    await admin?.end().catch(() => undefined);
    if (redis && keyPrefix) await deleteKeysUnder(redis, keyPrefix);
    redis?.disconnect();
  });

  // A failing run says what the servers logged.
  beforeEach(() => onTestFailed(() => console.error(instances.map((i) => `--- ${i.name}\n${i.tail()}`).join("\n"))));

  const eventsOf = async (sessionId: string) =>
    (
      await db.query<{ seq: number; type: string; payload_json: string }>(
        "select seq, type, payload_json from events where session_id = $1 order by seq",
        [sessionId],
      )
    ).rows.map((r) => ({ seq: Number(r.seq), type: r.type, payload: JSON.parse(r.payload_json) as Record<string, unknown> }));

  it("kill -9 one instance mid-interview with deadlines passing: nothing acked lost, rounds closed once, candidates resume elsewhere", async () => {
    // Nine candidates through the proxy: round-robin puts one of each kind on every instance.
    const kinds: Candidate["kind"][] = ["long", "short-back-at-once", "short-back-late"];
    const candidates: Candidate[] = [];
    for (let i = 0; i < 9; i++) {
      const client = await connectClient(proxy.url);
      const kind = kinds[Math.floor(i / 3)]!;
      const c: Candidate = {
        index: i,
        kind,
        client,
        sessionId: "",
        resumeToken: "",
        acked: [],
        question: "",
        draft: "",
        endsAt: 0,
        disconnected: false,
      };
      client.socket.on("disconnect", () => (c.disconnected = true));
      candidates.push(c);
    }
    await Promise.all(
      candidates.map(async (c) => {
        const start = await c.client.request("session:start", {
          packId: "mini",
          rounds: c.kind === "long" ? ["story"] : ["design", "story"],
          mode: "timed",
        });
        c.sessionId = start.sessionId;
        c.resumeToken = start.resumeToken;
        const first = await c.client.waitFor("question:end", () => true, { timeoutMs: 30_000 });
        // Answer the first question (an acked answer that must survive), then write a draft on the next one.
        const submissionId = randomUUID();
        await c.client.request("answer:submit", {
          sessionId: c.sessionId,
          questionId: first.payload.questionId,
          submissionId,
          text: "Chunk the articles, embed them, retrieve the top five; we measured a 60% drop in bad answers after adding an eval set.",
        });
        c.acked.push(submissionId);
        const next = await Promise.race([
          c.client.waitFor("question:end", () => true, { afterSeq: first.payload.seq, timeoutMs: 30_000 }),
          c.client.waitFor("session:complete", () => true, { afterSeq: first.payload.seq, timeoutMs: 30_000 }),
        ]);
        if (next.name === "session:complete") throw new Error(`candidate ${c.index}: the session ended after one answer`);
        c.question = next.payload.questionId as string;
        c.draft = `candidate ${c.index} draft on ${c.question}`;
        await c.client.request("answer:draft", { sessionId: c.sessionId, questionId: c.question, text: c.draft });
        const snap = await c.client.request("session:resume", {
          sessionId: c.sessionId,
          resumeToken: c.resumeToken,
          lastSeq: c.client.lastSeq(),
        });
        c.endsAt = snap.snapshot.round.endsAt;
        expect(snap.snapshot.question.questionId).toBe(c.question);
      }),
    );
    const shortDeadline = Math.max(...candidates.filter((c) => c.kind !== "long").map((c) => c.endsAt));
    expect(shortDeadline).toBeGreaterThan(Date.now()); // the deadlines are still ahead: they pass during the outage

    // kill -9 the first instance: its candidates' sockets drop.
    const victim = instances[0]!;
    expect(await victim.kill("SIGKILL")).toBe("SIGKILL");
    proxy.setBackends(instances.slice(1).map((i) => ({ host: "127.0.0.1", port: i.port })));
    // All three of its sockets (round-robin gave it one of each kind): the disconnects arrive one by one.
    await until("the victim's sockets to close", async () => candidates.filter((c) => c.disconnected).length >= 3);
    const affected = candidates.filter((c) => c.disconnected);
    expect(affected.map((c) => c.kind).sort()).toEqual(["long", "short-back-at-once", "short-back-late"]);

    // Those who come back at once land on a live instance, on the same question, draft and deadline.
    const resume = async (c: Candidate) => {
      c.client = await connectClient(proxy.url);
      const lastSeqBefore = (await eventsOf(c.sessionId)).at(-1)!.seq;
      const { snapshot } = await c.client.request("session:resume", { sessionId: c.sessionId, resumeToken: c.resumeToken, lastSeq: 0 });
      expect(snapshot.lastSeq).toBeGreaterThanOrEqual(lastSeqBefore);
      return snapshot;
    };
    for (const c of affected.filter((c) => c.kind !== "short-back-late")) {
      const snapshot = await resume(c);
      if (c.kind === "long" || Date.now() < c.endsAt - 2000) {
        expect(snapshot.question.questionId).toBe(c.question);
        expect(snapshot.draft.text).toBe(c.draft);
        expect(snapshot.round.endsAt).toBe(c.endsAt);
        expect(Math.abs(snapshot.round.endsAt - snapshot.serverNow - (c.endsAt - Date.now()))).toBeLessThan(5_000);
      }
    }

    // Every short round's deadline passes (fired by whichever instance is alive, the late one with no socket anywhere).
    const shorts = candidates.filter((c) => c.kind !== "long");
    await until(
      "every short round to be closed by its deadline",
      async () => {
        for (const c of shorts)
          if (!(await eventsOf(c.sessionId)).some((e) => e.type === "round:end" && e.payload.roundId === "design")) return false;
        return true;
      },
      SHORT_ROUND_SECONDS * 1000 + 60_000,
    );
    const late = affected.find((c) => c.kind === "short-back-late")!;
    const lateSnapshot = await resume(late);
    expect(lateSnapshot.round.roundId).toBe("story");
    const replayed = late.client.received.filter((e) => e.name === "round:end").map((e) => e.payload.roundId);
    expect(replayed).toEqual(["design"]);

    for (const c of candidates) {
      const events = await eventsOf(c.sessionId);
      // One event log, no gaps, nothing emitted twice.
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const keys = events
        .filter((e) => e.type !== "question:delta")
        .map((e) => `${e.type} ${e.payload.questionId ?? e.payload.roundId ?? ""}`);
      expect(new Set(keys).size, `candidate ${c.index}: ${keys.join(", ")}`).toBe(keys.length);
      const roundEnds = events.filter((e) => e.type === "round:end");
      if (c.kind === "long") expect(roundEnds).toEqual([]);
      else {
        expect(roundEnds.filter((e) => e.payload.roundId === "design")).toHaveLength(1);
        expect(roundEnds.find((e) => e.payload.roundId === "design")!.payload.reason).toBe("timeout");
      }
      // Every acked answer is stored; the timed-out rounds kept their last draft as the answer.
      const answers = (
        await db.query<{ submission_id: string; reason: string; text: string }>(
          "select submission_id, reason, text from answers where session_id = $1",
          [c.sessionId],
        )
      ).rows;
      for (const id of c.acked) expect(answers.map((a) => a.submission_id)).toContain(id);
      if (c.kind !== "long") expect(answers.filter((a) => a.reason === "timeout").map((a) => a.text)).toEqual([c.draft]);
    }

    // Those who resumed at once carry on: an answer is acked and the interview moves.
    for (const c of affected.filter((c) => c.kind === "long")) {
      const submissionId = randomUUID();
      const from = c.client.lastSeq();
      await c.client.request("answer:submit", {
        sessionId: c.sessionId,
        questionId: c.question,
        submissionId,
        text: "The result: a 60% drop.",
      });
      await Promise.race([
        c.client.waitFor("question:end", () => true, { afterSeq: from, timeoutMs: 30_000 }),
        c.client.waitFor("session:complete", () => true, { afterSeq: from, timeoutMs: 30_000 }),
      ]);
    }
    candidates.forEach((c) => c.client.close());
  }, 150_000);

  it("after PostgreSQL and Redis cut every connection (as in a restart) the survivors recover by themselves", async () => {
    const live = instances.slice(1);
    const healthOf = async (i: Instance) => (await fetch(`${i.url}/api/health`)).json() as Promise<{ ok: boolean; redis?: string }>;
    // PostgreSQL: end every server-side connection of this database except the test's own.
    const { rows } = await db.query<{ n: number }>(
      "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    // Redis: kill every connection these instances opened (named with this run's prefix).
    expect(await killConnectionsUnder(redis, keyPrefix)).toBeGreaterThanOrEqual(live.length * 3);

    await until("both instances healthy again", async () => {
      const states = await Promise.all(live.map((i) => healthOf(i).catch(() => null)));
      return states.every((s) => s?.ok && s.redis === "ready");
    });
    // A new interview on one instance, watched from the other: writes go to PostgreSQL, events cross through Redis.
    const candidate = await connectClient(live[0]!.url);
    const watcher = await connectClient(live[1]!.url);
    const start = await candidate.request("session:start", { packId: "mini", rounds: ["story"], mode: "timed" });
    const first = await candidate.waitFor("question:end", () => true, { timeoutMs: 30_000 });
    await watcher.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken, lastSeq: first.payload.seq });
    const submissionId = randomUUID();
    await candidate.request("answer:submit", {
      sessionId: start.sessionId,
      questionId: first.payload.questionId,
      submissionId,
      text: "The result was good.",
    });
    const seen = await Promise.race([
      watcher.waitFor("question:end", () => true, { afterSeq: first.payload.seq, timeoutMs: 30_000 }),
      watcher.waitFor("session:complete", () => true, { afterSeq: first.payload.seq, timeoutMs: 30_000 }),
    ]);
    expect(seen.payload.seq).toBeGreaterThan(first.payload.seq);
    const stored = await db.query("select 1 from answers where submission_id = $1", [submissionId]);
    expect(stored.rowCount).toBe(1);
    candidate.close();
    watcher.close();
  }, 90_000);
});
