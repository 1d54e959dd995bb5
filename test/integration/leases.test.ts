import { emptyCheckpoint, uuid6 } from "@langchain/langgraph-checkpoint";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FencedPostgresSaver, LeaseLostError } from "../../server/cluster/fenced-checkpointer.js";
import { appendFenced } from "../../server/cluster/fenced-events.js";
import { createLeaseStore } from "../../server/cluster/leases.js";
import { createStore, openDatabase, type OpenDatabase } from "../../server/store/index.js";
import { insertBareSession, postgresFor, requirePostgres } from "../helpers/database.js";
import { tempDatabaseFile } from "../helpers/server.js";

/**
 * The lease statements of server/cluster/leases.ts against a real PostgreSQL:
 * each takeover is decided by one statement, so racing instances are raced
 * here with Promise.all on separate pooled connections.
 */
const url = requirePostgres("the session lease tests (test/integration/leases.test.ts)");
const LEASE_MS = 1_000;

describe.skipIf(!url)("session leases on PostgreSQL", () => {
  let database: OpenDatabase;
  let n = 0;
  beforeAll(async () => {
    database = await openDatabase({ kind: "postgres", ...postgresFor(tempDatabaseFile())!, poolSize: 8 });
  });
  afterAll(async () => {
    await database?.close();
  });
  const instance = (id: string) => createLeaseStore(database.db, { instanceId: id, leaseMs: LEASE_MS });
  async function newSession(createdAt = 0): Promise<string> {
    const id = `s-${++n}-${Math.random().toString(36).slice(2)}`;
    await insertBareSession(database.db, id, createdAt);
    return id;
  }

  it("takes, keeps and hands over a session; the fence grows only when the holder changes", async () => {
    const [one, two] = [instance("one"), instance("two")];
    const s = await newSession();
    expect(await one.tryAcquire(s, 0)).toBe(1);
    expect(await two.tryAcquire(s, 0)).toBeNull(); // held by one
    expect(await one.tryAcquire(s, 0)).toBe(1); // still ours: same fence
    await one.release(s, 1);
    expect(await one.tryAcquire(s, 10)).toBe(1); // nobody came between: what one remembers is still true
    await one.release(s, 1);
    expect(await two.tryAcquire(s, 20)).toBe(2); // another holder: a new fence
    await one.release(s, 1); // a stale holder's release is a no-op
    expect(await one.tryAcquire(s, 30)).toBeNull();
    await two.release(s, 2);
    expect(await one.tryAcquire(s, 40)).toBe(3);
  });

  it("hands an abandoned session to exactly one of several concurrent sweeps, and to nothing else", async () => {
    const dead = instance("dead");
    const sweepers = [instance("b"), instance("c"), instance("d")];
    const ids = await Promise.all(Array.from({ length: 12 }, () => newSession()));
    for (const id of ids) expect(await dead.tryAcquire(id, 0)).toBe(1);

    // Not yet expired: nothing to claim. Expired: a plain acquire still refuses (only a sweep takes it over).
    expect(await sweepers[0]!.claimAbandoned(LEASE_MS - 1, 100)).toEqual([]);
    expect(await sweepers[0]!.tryAcquire(ids[0]!, LEASE_MS * 10)).toBeNull();

    const claims = (await Promise.all(sweepers.map((s) => s.claimAbandoned(LEASE_MS, 100))))
      .flat()
      .filter((c) => ids.includes(c.sessionId));
    expect(claims.map((c) => c.sessionId).sort()).toEqual([...ids].sort());
    expect(new Set(claims.map((c) => c.fence))).toEqual(new Set([2]));
    // A second round of sweeps, while the claimers' own leases run, finds none of them.
    const again = (await Promise.all(sweepers.map((s) => s.claimAbandoned(LEASE_MS * 2 - 1, 100)))).flat();
    expect(again.filter((c) => ids.includes(c.sessionId))).toEqual([]);

    // The dead holder's fenced appends are refused from now on; the new holder's go in, each key once.
    const event = { type: "round:end", payload: { reason: "timeout" }, now: 1, key: "round:end:0" };
    await expect(appendFenced(database.db, { instanceId: "dead", sessionId: ids[0]!, fence: 1 }, event)).rejects.toThrow(LeaseLostError);
    const { holder } = await database.db
      .selectFrom("session_leases")
      .select("holder")
      .where("session_id", "=", ids[0]!)
      .executeTakeFirstOrThrow();
    expect(["b", "c", "d"]).toContain(holder);
    expect(await appendFenced(database.db, { instanceId: holder, sessionId: ids[0]!, fence: 2 }, event)).toBe(1);
    expect(await appendFenced(database.db, { instanceId: holder, sessionId: ids[0]!, fence: 2 }, event)).toBeNull();
  });

  it("renews only what this instance holds, and releases everything on a graceful stop", async () => {
    const [one, two] = [instance("one-r"), instance("two-r")];
    const [s1, s2] = [await newSession(), await newSession()];
    expect(await one.tryAcquire(s1, 0)).not.toBeNull();
    expect(await two.tryAcquire(s2, 0)).not.toBeNull();
    expect([...(await one.renew([s1, s2], 900))]).toEqual([s1]);
    // Renewed: not abandoned at 1500 although taken at 0.
    expect((await two.claimAbandoned(1_500, 100)).map((c) => c.sessionId)).not.toContain(s1);
    expect(await one.releaseAll()).toBe(1);
    expect(await two.tryAcquire(s1, 1_600)).not.toBeNull();
  });

  it("lists passed deadlines of sessions nobody holds", async () => {
    const one = instance("one-d");
    const s = await newSession();
    await createStore(database.db).sessions.setRoundEndsAt(s, 5_000, 0);
    expect(await one.due(4_999, 1000)).not.toContain(s);
    expect(await one.due(5_000, 1000)).toContain(s);
    const fence = (await one.tryAcquire(s, 5_000))!;
    expect(await one.due(5_000, 1000)).not.toContain(s); // someone is on it
    await one.release(s, fence);
    expect(await one.due(5_000, 1000)).toContain(s);
  });

  it("claims a session that was created but never begun, once, after a lease", async () => {
    const s = await newSession(100_000);
    const [b, c] = [instance("b-u"), instance("c-u")];
    expect((await b.claimUnbegun(100_000 + LEASE_MS - 1, 100)).map((x) => x.sessionId)).not.toContain(s);
    const claims = (await Promise.all([b.claimUnbegun(100_000 + LEASE_MS, 100), c.claimUnbegun(100_000 + LEASE_MS, 100)])).flat();
    expect(claims.filter((x) => x.sessionId === s)).toHaveLength(1);
  });

  it("stores an event key once on PostgreSQL too (events_key is unique per session)", async () => {
    const s = await newSession();
    const events = createStore(database.db).events;
    // Payloads as the app stores them: events are validated when read back.
    const ended = { roundId: "r0", reason: "timeout" };
    expect(await events.append(s, "round:end", ended, 1, "round:end:0")).toBe(1);
    expect(await events.append(s, "round:end", ended, 2, "round:end:0")).toBeNull();
    expect(await events.append(s, "round:end", { roundId: "r1", reason: "completed" }, 3, "round:end:1")).toBe(2);
    expect(await events.append(s, "question:end", { questionId: "q1", text: "time" }, 4, null)).toBe(3);
    expect((await events.after(s, 0)).map((e) => e.type)).toEqual(["round:end", "round:end", "question:end"]);
  });

  it("fences a checkpoint write inside its own transaction: a takeover waits for a write in flight, a stale holder's next write is refused", async () => {
    const [one, two] = [instance("one-c"), instance("two-c")];
    const s = await newSession();
    expect(await one.tryAcquire(s, 0)).toBe(1);
    // One's steps write under fence 1 (what the session guard reports while a step of one runs).
    const saver = new FencedPostgresSaver(database.pool!, database.schema!, (id) =>
      id === s ? { sessionId: s, holder: "one-c", fence: 1 } : undefined,
    );
    const config = { configurable: { thread_id: s, checkpoint_ns: "" } };
    const put = (step: number) => saver.put(config, { ...emptyCheckpoint(), id: uuid6(step) }, { source: "loop", step, parents: {} }, {});
    const stored = async () =>
      (await sql<{ n: number }>`select count(*) as n from checkpoints where thread_id = ${s}`.execute(database.db)).rows[0]!.n;
    await put(1);
    expect(Number(await stored())).toBe(1);

    // A write held up inside its transaction, past its fence check (the checkpoints table is locked by the test):
    // one freezes there while its lease runs out.
    const blocker = await database.pool!.connect();
    await blocker.query("begin");
    await blocker.query("lock table checkpoints in exclusive mode");
    const inFlight = put(2);
    for (;;) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
        where wait_event_type = 'Lock' and query like 'INSERT INTO%checkpoints%'`.execute(database.db);
      if (Number(rows[0]!.n) > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    // The lease has expired by two's clock, but its row is share-locked by the write: the sweep passes it by.
    expect((await two.claimAbandoned(LEASE_MS, 100)).map((c) => c.sessionId)).not.toContain(s);
    await blocker.query("rollback");
    blocker.release();
    await inFlight; // landed under fence 1, while one still held the session
    expect(Number(await stored())).toBe(2);

    // Now two takes it over; whatever one writes next is refused and leaves nothing behind.
    expect(await two.claimAbandoned(LEASE_MS, 100)).toContainEqual({ sessionId: s, fence: 2 });
    await expect(put(3)).rejects.toThrow(LeaseLostError);
    await expect(
      saver.putWrites({ configurable: { ...config.configurable, checkpoint_id: uuid6(2) } }, [["x", 1]], "task"),
    ).rejects.toThrow(LeaseLostError);
    expect(Number(await stored())).toBe(2);
    const { rows } = await sql<{ n: number }>`select count(*) as n from checkpoint_writes where thread_id = ${s}`.execute(database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
