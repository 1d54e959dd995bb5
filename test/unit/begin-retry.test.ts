import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileInterviewGraph, createInterviewService, type Emit } from "../../server/interview/index.js";
import { STEP_RETRY_DELAYS_MS } from "../../server/interview/step-retry.js";
import { createOfflineInterviewer } from "../../server/llm/index.js";
import { createStaticCatalog } from "../../server/scenarios/index.js";
import { createStore, migrateToLatest, openSqlite } from "../../server/store/index.js";
import { manualClock } from "../helpers/manual-clock.js";
import { miniPack } from "../helpers/packs.js";
import { tempDatabaseFile } from "../helpers/server.js";

const opened: { destroy(): Promise<void> }[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

/** The service on SQLite with a hand-driven clock, whose emit of `failing` throws the first `times` times. */
async function serviceFailingOn(failing: string, times: number) {
  const { sqlite, db } = openSqlite(tempDatabaseFile());
  opened.push(db);
  await migrateToLatest(db);
  const store = createStore(db);
  const packs = createStaticCatalog([miniPack()]);
  const clock = manualClock();
  const failures = { left: times };
  const emitted: string[] = [];
  const emit: Emit = async (sessionId, name, body, key) => {
    if (name === failing && failures.left > 0) {
      failures.left--;
      throw new Error(`injected failure on ${name}`);
    }
    if ((await store.events.append(sessionId, name, body, clock.now(), key)) === null) return;
    emitted.push(name);
  };
  const graph = compileInterviewGraph(
    {
      packs,
      interviewer: createOfflineInterviewer(),
      emit,
      now: clock.now,
      sink: { saveReport: (r) => store.sessions.complete(r.sessionId, JSON.stringify(r), clock.now()) },
    },
    new SqliteSaver(sqlite),
  );
  const logged: string[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => void logged.push((JSON.parse(line) as { msg: string }).msg) });
  const service = createInterviewService({ graph, store, packs, now: clock.now, setTimer: clock.setTimer, logger });
  return { service, clock, emitted, failures, logged };
}

describe("the graph's begin after the start ack", () => {
  it("is retried on the injected clock when it fails, like a failed round timeout, and the first question comes", async () => {
    const { service, clock, emitted, failures, logged } = await serviceFailingOn("question:start", 1);
    const { sessionId } = await service.start({ packId: "mini", rounds: ["story"], mode: "timed" });
    service.beginAfterAck(sessionId);
    // The failure is logged and a retry is scheduled on the clock; nothing else happens until it fires.
    await vi.waitFor(() => expect(clock.pending()).toBeGreaterThan(0));
    expect(failures.left).toBe(0);
    expect(logged).toContain("beginning the session failed; retrying");
    expect(emitted).not.toContain("question:start");
    clock.advance(STEP_RETRY_DELAYS_MS[0]!);
    await vi.waitFor(() => expect(emitted).toContain("question:start"));
    const snapshot = await service.snapshot(sessionId);
    expect(snapshot.question?.questionId).toBe("failure-story");
    expect(service.roundTimerFor(sessionId)).toBe(snapshot.round?.endsAt);
    expect(emitted.filter((e) => e === "round:start")).toHaveLength(1);
    await service.close();
  });

  it("keeps retrying with longer waits, and gives up (logged) after the last one, leaving the session to the next restart", async () => {
    const { service, clock, emitted, logged } = await serviceFailingOn("question:start", STEP_RETRY_DELAYS_MS.length + 1);
    const { sessionId } = await service.start({ packId: "mini", rounds: ["story"], mode: "timed" });
    service.beginAfterAck(sessionId);
    for (const wait of STEP_RETRY_DELAYS_MS) {
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
      clock.advance(wait - 1);
      expect(clock.pending()).toBe(1);
      clock.advance(1);
    }
    await vi.waitFor(() => expect(logged.some((m) => m.startsWith("gave up finishing a failed graph step"))).toBe(true));
    expect(clock.pending()).toBe(0);
    expect(emitted).not.toContain("question:start");
    // What a restart does (recover) still finishes it.
    await service.recover();
    expect((await service.snapshot(sessionId)).question?.questionId).toBe("failure-story");
    await service.close();
  });

  it("a retry still waiting when the service closes is cancelled", async () => {
    const { service, clock } = await serviceFailingOn("question:start", 1);
    const { sessionId } = await service.start({ packId: "mini", rounds: ["story"], mode: "timed" });
    service.beginAfterAck(sessionId);
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    await service.close();
    expect(clock.pending()).toBe(0);
  });
});
