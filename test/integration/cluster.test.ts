import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { sql } from "kysely";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import type { Report } from "../../server/contracts/index.js";
import { STEP_RETRY_DELAYS_MS } from "../../server/interview/step-retry.js";
import { startServer } from "../../server/start.js";
import { openDatabase, type OpenDatabase } from "../../server/store/index.js";
import { postgresFor, requirePostgres } from "../helpers/database.js";
import { manualClock, type ManualClock } from "../helpers/manual-clock.js";
import { miniPackWithRoundSeconds } from "../helpers/packs.js";
import { candidateWithDraft, eventually as eventuallyFor, testFleet } from "../helpers/fleet.js";
import { tempDatabaseFile, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

/**
 * Several instances on one PostgreSQL database (server/cluster/): createApp
 * twice (three times) on one schema, each on a manual clock. Only meaningful
 * on PostgreSQL: SQLite allows one process per file.
 */
const url = requirePostgres("the multi-instance tests (test/integration/cluster.test.ts)");

const ROUND_SECONDS = 90;
const CLUSTER = { leaseMs: 5_000, pollMs: 500, waitMs: 10_000 };

/** Log lines of every instance, by message, so a test can count what happened where. */
function captureLogs() {
  const lines: { level: number; msg: string; sessionId?: string; roundId?: string; instance: string }[] = [];
  const loggerFor = (instance: string) =>
    pino(
      { level: "info" },
      new Writable({
        write(chunk, _enc, done) {
          for (const line of String(chunk).split("\n").filter(Boolean)) lines.push({ ...JSON.parse(line), instance });
          done();
        },
      }),
    );
  const logs = { lines, loggerFor, count: (msg: string) => lines.filter((l) => l.msg === msg) };
  lastLogs = logs;
  return logs;
}
let lastLogs: { lines: unknown[] } | null = null;

const fleet = testFleet();
/** Instances the test killed: their close fails in part (their pool is gone). */
const killed: TestServer[] = [];
const readers: OpenDatabase[] = [];
afterEach(async () => {
  await fleet.closeAll({ killed: killed.splice(0) });
});
afterAll(async () => {
  for (const r of readers.splice(0)) await r.close();
});

const serve = (databaseFile: string, clock: ManualClock, logger: pino.Logger) =>
  fleet.serve({ packs: [miniPackWithRoundSeconds(ROUND_SECONDS)], databaseFile, clock, logger, cluster: CLUSTER });
const client = (serverUrl: string) => fleet.client(serverUrl);
/** The test's own connection to the instances' schema, to read what they wrote. */
async function reader(databaseFile: string): Promise<OpenDatabase> {
  const db = await openDatabase({ kind: "postgres", ...postgresFor(databaseFile)!, poolSize: 2 });
  readers.push(db);
  return db;
}
/**
 * Wait for work the clocks already set off (no clock moves while waiting). On
 * failure, what the instances said (warnings and errors) is the fastest way to
 * see why they stalled.
 */
const eventually = <T>(read: () => Promise<T | undefined>) =>
  eventuallyFor(read, {
    said: () =>
      `the instances logged: ${JSON.stringify(lastLogs?.lines.filter((l) => (l as { level: number }).level >= 40) ?? []).slice(0, 4000)}`,
  });
const reportOf = (server: TestServer, start: { sessionId: string; resumeToken: string }) => () =>
  server.app.service.report(start.sessionId, start.resumeToken).catch(() => undefined) as Promise<Report | undefined>;

/**
 * Everything the clocks set off is done: no live instance has work running or
 * waiting (a step, a timeout waiting for a lease, a poll sweep) and none holds
 * a session (the last step of each has let go). A clock is only moved on once
 * this holds: time passing while work runs would expire the leases of
 * instances that are merely slow (a loaded machine) and test another story (a
 * frozen instance).
 */
function settled(db: OpenDatabase, live: TestServer[]) {
  return async () => {
    if (!live.every((s) => s.app.idle())) return undefined;
    const busy = await db.db
      .selectFrom("session_leases")
      .select("session_id")
      .where("held", "=", 1)
      .where(
        "holder",
        "in",
        live.map((s) => s.app.instanceId),
      )
      .execute();
    return busy.length === 0 && live.every((s) => s.app.idle()) ? true : undefined;
  };
}
/** `read` holds and the instances are settled. */
const bothOf =
  <T>(read: () => Promise<T | undefined>, calm: () => Promise<true | undefined>) =>
  async () => {
    const value = await read();
    return value !== undefined && (await calm()) ? value : undefined;
  };

/** How many connections an instance has open, as PostgreSQL sees them. */
async function backendsOf(db: OpenDatabase, server: TestServer): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
    where application_name = ${`mock-interview ${server.app.instanceId}`}`.execute(db.db);
  return Number(rows[0]!.n);
}

/** Every event of a session: a duplicate would show as a repeated key or a gap in seq. */
async function eventsOf(db: OpenDatabase, sessionId: string) {
  return db.db
    .selectFrom("events")
    .select(["seq", "type", "event_key", "payload_json"])
    .where("session_id", "=", sessionId)
    .orderBy("seq")
    .execute();
}
async function expectEachEventOnce(db: OpenDatabase, sessionId: string) {
  const events = await eventsOf(db, sessionId);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  const keys = events.map((e) => e.event_key);
  expect(keys.every((k) => k !== null)).toBe(true);
  expect(new Set(keys).size).toBe(keys.length);
  return events;
}

describe.skipIf(!url)("several instances on one PostgreSQL database", () => {
  it(
    "fires each round deadline exactly once, whichever instance (local timer or either poller) sees it first",
    { timeout: 120_000 },
    async () => {
      const clock = manualClock();
      const logs = captureLogs();
      const databaseFile = tempDatabaseFile();
      // Started together on a fresh database: one migrates and registers the packs, the other waits and finds them.
      const [a, b] = await Promise.all([serve(databaseFile, clock, logs.loggerFor("a")), serve(databaseFile, clock, logs.loggerFor("b"))]);
      const db = await reader(databaseFile);

      const sessions: { server: TestServer; start: { sessionId: string; resumeToken: string } }[] = [];
      for (const server of [a, b, a, b]) {
        const { start } = await candidateWithDraft(fleet, server.url, {
          rounds: ["story", "code"],
          questionId: "failure-story",
          text: "The situation was a rushed launch of our bot; the result was that we reduced errors by half.",
        });
        sessions.push({ server, start });
      }
      await eventually(settled(db, [a, b]));

      // The deadlines pass with both instances polling and the starting instance's own timer armed: one move of
      // the clock fires each of them (timer and poll) once; then nothing moves until all they set off is done.
      clock.advance(ROUND_SECONDS * 1000);
      const roundStarts = async () => {
        const rows = await db.db
          .selectFrom("events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("type", "=", "round:start")
          .executeTakeFirstOrThrow();
        return Number(rows.n) === sessions.length * 2 ? true : undefined;
      };
      await eventually(bothOf(roundStarts, settled(db, [a, b])));
      clock.advance(ROUND_SECONDS * 1000);
      for (const { server, start } of sessions) {
        const report = await eventually(reportOf(server, start));
        expect(report.rounds.map((r) => r.endReason)).toEqual(["timeout", "timeout"]);
        expect(report.rounds[0]!.questions[0]!.turns[0]).toMatchObject({
          reason: "timeout",
          answer: { text: expect.stringContaining("rushed") },
        });
      }

      for (const { start } of sessions) {
        const events = await expectEachEventOnce(db, start.sessionId);
        expect(events.filter((e) => e.type === "round:end").map((e) => JSON.parse(e.payload_json).reason)).toEqual(["timeout", "timeout"]);
        // Fired once: the step that times a round out ran once per round, on one instance or the other.
        const fired = logs.count("round timed out").filter((l) => l.sessionId === start.sessionId);
        expect(fired.map((l) => l.roundId).sort()).toEqual(["code", "story"]);
        const answers = await db.db.selectFrom("answers").selectAll().where("session_id", "=", start.sessionId).execute();
        expect(answers.map((r) => r.submission_id)).toEqual(["timeout:failure-story"]);
      }
      // Nothing stays taken once the work is done (the last step lets go just after the report is stored).
      await eventually(settled(db, [a, b]));
    },
  );

  it(
    "an instance that dies mid-step without cleanup: its step and deadlines are taken over exactly once by the survivors",
    { timeout: 120_000 },
    async () => {
      const clockA = manualClock();
      const clockBC = manualClock();
      const logs = captureLogs();
      const databaseFile = tempDatabaseFile();
      const a = await serve(databaseFile, clockA, logs.loggerFor("a"));
      const b = await serve(databaseFile, clockBC, logs.loggerFor("b"));
      const c = await serve(databaseFile, clockBC, logs.loggerFor("c"));
      const db = await reader(databaseFile);

      const { start } = await candidateWithDraft(fleet, a.url, {
        rounds: ["story", "code"],
        questionId: "failure-story",
        text: "Drafted on instance a: the situation, my action and the result.",
      });
      await eventually(settled(db, [a, b, c]));
      const eventsBefore = (await eventsOf(db, start.sessionId)).length;

      // Hold A's next step at its first event write: events are write-locked by the test.
      const blocker = await db.pool!.connect();
      await blocker.query("begin");
      await blocker.query("lock table events in exclusive mode");
      clockA.advance(ROUND_SECONDS * 1000); // A's own timer fires the timeout and takes the session's lease
      await eventually(async () => {
        const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
        where application_name = ${`mock-interview ${a.app.instanceId}`} and wait_event_type = 'Lock'`.execute(db.db);
        return Number(rows[0]!.n) > 0 ? true : undefined;
      });
      const lease = await db.db
        .selectFrom("session_leases")
        .selectAll()
        .where("session_id", "=", start.sessionId)
        .executeTakeFirstOrThrow();
      expect(lease).toMatchObject({ holder: a.app.instanceId, held: 1 });

      // kill -9, as far as the database can tell: A's pool refuses new work and its connections are cut. Its clock
      // stops, so its timers and retries never fire again.
      killed.push(a);
      void a.app.database.pool!.end().catch(() => undefined);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`mock-interview ${a.app.instanceId}`}`.execute(
        db.db,
      );
      await blocker.query("rollback");
      blocker.release();
      // Terminating is asynchronous: until A's backends are gone, its row locks are too, and a sweep skips the row.
      await eventually(async () => ((await backendsOf(db, a)) === 0 ? true : undefined));

      // The survivors' time passes the deadline and the dead lease's expiry, once: each survivor polls once, exactly
      // one of them takes the session over, and (recovery) finishes the cut-short timeout step there and then.
      clockBC.advance(ROUND_SECONDS * 1000 + CLUSTER.leaseMs);
      const secondRoundOpen = async () => {
        const events = await eventsOf(db, start.sessionId);
        return events.filter((e) => e.type === "round:start").length === 2 && events.at(-1)?.type === "question:end" ? true : undefined;
      };
      await eventually(bothOf(secondRoundOpen, settled(db, [b, c])));
      const takeovers = logs.count("took over a session another instance left mid-step");
      expect(takeovers).toHaveLength(1);
      expect(["b", "c"]).toContain(takeovers[0]!.instance);

      // The second round's deadline fires once, on B or C, while A is gone.
      clockBC.advance(ROUND_SECONDS * 1000);
      const report = await eventually(reportOf(b, start));
      expect(report.rounds.map((r) => r.endReason)).toEqual(["timeout", "timeout"]);
      expect(report.rounds[0]!.questions[0]!.turns[0]!.answer?.text).toContain("Drafted on instance a");

      const events = await expectEachEventOnce(db, start.sessionId);
      expect(events.length).toBeGreaterThan(eventsBefore);
      expect(events.filter((e) => e.type === "round:end")).toHaveLength(2);
      const fired = logs.count("round timed out").filter((l) => l.sessionId === start.sessionId);
      // The second round's deadline: once, by a survivor. The first: by A, which died at its step's first event,
      // and once more by the survivor that took over (its run is the one that counts).
      expect(fired.filter((l) => l.roundId === "code").map((l) => l.instance)).toEqual([expect.stringMatching(/^[bc]$/)]);
      expect(fired.filter((l) => l.roundId === "story").map((l) => l.instance)).toEqual(["a", takeovers[0]!.instance]);
      // Nobody lost a lease while working (only the dead instance's expired) and nothing was retried.
      expect(logs.lines.filter((l) => l.instance !== "a" && l.level >= 50)).toEqual([]);
      const answers = await db.db.selectFrom("answers").select("submission_id").where("session_id", "=", start.sessionId).execute();
      expect(answers.map((r) => r.submission_id)).toEqual(["timeout:failure-story"]);

      // A candidate reconnecting to a survivor gets the whole story, each event once.
      const again = await client(c.url);
      const resumed = await again.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken, lastSeq: 0 });
      expect(resumed.snapshot.status).toBe("complete");
    },
  );
  it("a graceful stop (SIGTERM) takes no new connections, finishes the step in flight and hands the session over at once", async () => {
    const clock = manualClock();
    const logs = captureLogs();
    const databaseFile = tempDatabaseFile();
    const a = await serve(databaseFile, clock, logs.loggerFor("a"));
    const b = await serve(databaseFile, clock, logs.loggerFor("b"));
    const db = await reader(databaseFile);

    const candidate = await client(a.url);
    const start = await candidate.request("session:start", { packId: "mini", rounds: ["story", "code"] });
    await candidate.waitFor("question:end");
    await eventually(settled(db, [a, b]));

    // A submit whose step is held at its first event write while A is asked to stop.
    const blocker = await db.pool!.connect();
    await blocker.query("begin");
    await blocker.query("lock table events in exclusive mode");
    const submitted = candidate.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "failure-story",
      submissionId: "submit-before-sigterm",
      text: "The situation was a failed launch; my action was a rollback plan; the result was a calm week.",
    });
    await eventually(async () => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
        where application_name = ${`mock-interview ${a.app.instanceId}`} and wait_event_type = 'Lock'`.execute(db.db);
      return Number(rows[0]!.n) > 0 ? true : undefined;
    });
    const stopping = a.close();
    fleet.release(a);
    await eventually(async () => (a.app.httpServer.listening ? undefined : true));
    await expect(connectClient(a.url)).rejects.toThrow();

    await blocker.query("rollback");
    blocker.release();
    // The step in flight finished and its answer was acknowledged before A let go.
    expect(await submitted).toEqual({ ok: true, data: { accepted: true, duplicate: false } });
    await stopping;
    expect(await db.db.selectFrom("session_leases").select("held").where("session_id", "=", start.sessionId).executeTakeFirst()).toEqual({
      held: 0,
    });

    // The candidate reconnects to B: no lease to wait out, no clock moved.
    const again = await client(b.url);
    const { snapshot } = await again.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken });
    expect(snapshot.status).toBe("active");
    expect(snapshot.round?.roundId).toBe("code");
    expect(snapshot.question).not.toBeNull();
    await expectEachEventOnce(db, start.sessionId);
    expect(logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
  it("survives its connections being cut (as a PostgreSQL restart does): the next requests and polls reconnect", async () => {
    const clock = manualClock();
    const logs = captureLogs();
    const databaseFile = tempDatabaseFile();
    const a = await serve(databaseFile, clock, logs.loggerFor("a"));
    const db = await reader(databaseFile);
    const candidate = await client(a.url);
    const start = await candidate.request("session:start", { packId: "mini", rounds: ["story", "code"] });
    await candidate.waitFor("question:end");

    const pool = a.app.database.pool!;
    expect(pool.totalCount).toBeGreaterThan(0);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`mock-interview ${a.app.instanceId}`}`.execute(
      db.db,
    );
    await eventually(async () => ((await backendsOf(db, a)) === 0 ? true : undefined));
    // Polls on dropped connections fail (logged) and the next ones reconnect; the process carries on.
    clock.advance(CLUSTER.pollMs * 3);

    // The cut may land in the first step's last checkpoint writes: that step is finished again on the clock
    // (step-retry.ts), which moves here a first retry's wait at a time until the draft goes in.
    const draft = { sessionId: start.sessionId, questionId: "failure-story", text: "Written after the database came back." };
    const saved = await eventually(async () => {
      const ack = await candidate.send("answer:draft", draft);
      if (ack.ok) return ack.data;
      clock.advance(STEP_RETRY_DELAYS_MS[0]!);
      return undefined;
    });
    expect(saved).toEqual({ savedAt: clock.now(), revision: 1 });
    const ack = await candidate.request("answer:submit", { ...draft, submissionId: "after-the-restart" });
    expect(ack).toEqual({ accepted: true, duplicate: false });
    await expectEachEventOnce(db, start.sessionId);
    // A step running when the connections went failed (logged) and was finished again; nothing was given up on.
    expect(logs.lines.filter((l) => l.msg.startsWith("gave up"))).toEqual([]);
  });
  it("a session created but never begun (its instance died right after storing it) is begun once, by one poller", async () => {
    const clock = manualClock();
    const logs = captureLogs();
    const databaseFile = tempDatabaseFile();
    const a = await serve(databaseFile, clock, logs.loggerFor("a"));
    const b = await serve(databaseFile, clock, logs.loggerFor("b"));
    const db = await reader(databaseFile);
    // What session:start stores before its ack; the first step (begin) never runs.
    const start = await a.app.service.start({ packId: "mini", mode: "timed", rounds: ["story"] });
    expect(await eventsOf(db, start.sessionId)).toEqual([]);

    // One move of the clock past a lease: each instance polls once, one of them claims the session and begins it.
    clock.advance(CLUSTER.leaseMs);
    await eventually(
      bothOf(
        async () => ((await eventsOf(db, start.sessionId)).some((e) => e.type === "question:end") ? true : undefined),
        settled(db, [a, b]),
      ),
    );
    const events = await expectEachEventOnce(db, start.sessionId);
    expect(events.filter((e) => e.type === "round:start")).toHaveLength(1);
    expect(logs.count("took over a session another instance left mid-step").filter((l) => l.sessionId === start.sessionId)).toHaveLength(1);
    const candidate = await client(b.url);
    const { snapshot } = await candidate.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken });
    expect(snapshot.question?.questionId).toBe("failure-story");
  });
  it("starts several servers on one DATA_DIR when the data is in PostgreSQL: the DATA_DIR lock is SQLite's", async () => {
    const databaseFile = tempDatabaseFile();
    const config = { ...loadConfig({ DATA_DIR: dirname(databaseFile), PORT: "0" }), postgres: postgresFor(databaseFile) };
    const deps = { builtinPacks: [miniPackWithRoundSeconds(60)], clientDist: null, logger: pino({ level: "silent" }), sandbox: null };
    const first = await startServer(config, deps);
    const second = await startServer(config, deps);
    try {
      expect(first.app.instanceId).not.toBe(second.app.instanceId);
      expect(existsSync(join(dirname(databaseFile), "server.lock"))).toBe(false);
      for (const { port } of [first, second]) {
        expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toMatchObject({ ok: true, database: "ok" });
      }
    } finally {
      await Promise.all([first.app.close(), second.app.close()]);
      first.release();
      second.release();
    }
  });
});
