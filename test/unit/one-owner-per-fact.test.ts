import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateTo } from "../../server/store/migrations.js";
import { createStore, migrateToLatest, openSqlite, planOf, reportOf, StoredDataError } from "../../server/store/index.js";
import { tempDatabaseFile } from "../helpers/server.js";

const opened: { destroy(): Promise<void> }[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});
const open = () => {
  const handle = openSqlite(tempDatabaseFile());
  opened.push(handle.db);
  return handle;
};

const SESSION = "00000000-0000-4000-8000-00000000000a";
const PLAN = { rounds: [{ roundId: "story", kind: "behavioural", title: "Story", minutes: 10, questionIds: ["failure-story"] }] };
const session = (over: Record<string, unknown> = {}) => ({
  id: SESSION,
  resume_token_hash: "h",
  pack_id: "mini",
  pack_version: 1,
  mode: "timed",
  level: null,
  plan_json: JSON.stringify(PLAN),
  status: "active" as const,
  created_at: 1,
  ...over,
});

describe("one owner per fact", () => {
  it("migration 0006 drops the grades copy nobody read and keeps the sessions and their deadline index", async () => {
    const { db, sqlite } = open();
    await migrateTo(db, "0005_teams_review");
    // What an older server wrote: a deadline copy on the row and per-criterion grade rows.
    await sql`insert into sessions (id, resume_token_hash, pack_id, pack_version, mode, level, plan_json, status, round_ends_at, report_json, created_at, updated_at, completed_at)
      values (${SESSION}, 'h', 'mini', 1, 'timed', null, ${JSON.stringify(PLAN)}, 'active', 123, null, 1, 1, null)`.execute(db);
    await sql`insert into grades values (${SESSION}, 'failure-story', 'star', 3, '[]', 'ok', 'evidence', 0, 1)`.execute(db);
    await migrateToLatest(db);
    const columns = (sqlite.prepare("select name from pragma_table_info('sessions')").all() as { name: string }[]).map((c) => c.name);
    // Kept as the cluster's deadline index (the checkpoint owns the deadline); see server/store/tables.ts.
    expect(columns).toContain("round_ends_at");
    expect(sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'grades'").get()).toBeUndefined();
    const row = await createStore(db).sessions.get(SESSION);
    expect(planOf(row!)).toEqual(PLAN);
  });

  it("stored plans and reports are validated on read; a bad one fails with an error naming the row", async () => {
    const { db } = open();
    await migrateToLatest(db);
    const store = createStore(db);
    await store.sessions.insert(session({ plan_json: JSON.stringify({ rounds: [{ roundId: 7 }] }) }));
    const row = (await store.sessions.get(SESSION))!;
    expect(() => planOf(row)).toThrow(StoredDataError);
    expect(() => planOf(row)).toThrow(`sessions.plan_json of ${SESSION}`);
    expect(() => planOf({ ...row, plan_json: "{not json" })).toThrow("is not valid JSON");
    expect(reportOf(row)).toBeNull();
    await store.sessions.complete(SESSION, JSON.stringify({ sessionId: SESSION, overall: "high" }), 2);
    const done = (await store.sessions.get(SESSION))!;
    expect(() => reportOf(done)).toThrow(/report_json of .*packId: Invalid input/);
  });

  it("a report stored by an older grader (without the newer fields) still reads, with their defaults", () => {
    const report = {
      sessionId: SESSION,
      packId: "mini",
      packVersion: 1,
      packTitle: "Mini",
      mode: "timed",
      level: null,
      startedAt: 1,
      completedAt: 2,
      overall: 50,
      graderVersion: "1",
      rounds: [
        {
          roundId: "story",
          kind: "behavioural",
          title: "Story",
          endReason: "completed",
          questions: [{ questionId: "failure-story", title: "Failure", answered: true, score: 50, turns: [], criteria: [] }],
        },
      ],
    };
    const read = reportOf({ id: SESSION, status: "complete", report_json: JSON.stringify(report) })!;
    expect(read.judgeModel).toBeNull();
    expect(read.rounds[0]!.questions[0]).toMatchObject({ asked: true, flags: [], judge: { status: "off" } });
  });

  it("stored events are validated on replay: an unknown type or a wrong payload is an error, not a cast", async () => {
    const { db } = open();
    await migrateToLatest(db);
    const store = createStore(db);
    await store.sessions.insert(session());
    await store.events.append(SESSION, "round:end", { roundId: "story", reason: "completed" }, 1);
    expect(await store.events.after(SESSION, 0)).toEqual([
      { seq: 1, type: "round:end", payload: { roundId: "story", reason: "completed" } },
    ]);
    await store.events.append(SESSION, "round:end", { roundId: "story", reason: "exploded" }, 2);
    await expect(store.events.after(SESSION, 0)).rejects.toThrow(/event 2 of .*reason/);
    await store.events.append(SESSION, "made:up", {}, 3);
    await expect(store.events.after(SESSION, 2)).rejects.toThrow('unknown event type "made:up"');
  });
});
