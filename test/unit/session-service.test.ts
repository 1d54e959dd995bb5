import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileInterviewGraph, createInterviewService, type Emit } from "../../server/interview/index.js";
import { createOfflineInterviewer } from "../../server/llm/index.js";
import { createStaticCatalog } from "../../server/scenarios/index.js";
import { createStore, migrateToLatest, openSqlite } from "../../server/store/index.js";
import { miniPack } from "../helpers/packs.js";
import { tempDatabaseFile } from "../helpers/server.js";

const STORY = "The situation: we were shipping a summariser under time pressure. The result was that we reduced bad summaries by 60%.";
const opened: { destroy(): Promise<void> }[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

/** The service without sockets, on a SQLite file, with an emit that can be made to fail. */
async function serviceOn(file: string, failOn: { event: string; times: number; afterStoring?: boolean; hang?: boolean } | null = null) {
  const { sqlite, db } = openSqlite(file);
  opened.push(db);
  await migrateToLatest(db);
  const store = createStore(db);
  const packs = createStaticCatalog([miniPack()]);
  const emitted: string[] = [];
  const emit: Emit = async (sessionId, name, body, key) => {
    const fail = failOn && failOn.event === name && failOn.times > 0;
    if (fail && !failOn.afterStoring) {
      failOn.times--;
      throw new Error(`injected failure on ${name}`);
    }
    // As the app does: an event already stored under its key is not emitted again.
    if ((await store.events.append(sessionId, name, body, Date.now(), key)) === null) return;
    emitted.push(name === "question:start" ? `${name}:${(body as unknown as { questionId: string }).questionId}` : name);
    if (fail && failOn.hang) {
      // The process dies here: the step never finishes, nothing after this point is written.
      failOn.times--;
      return new Promise<void>(() => undefined);
    }
    if (fail) {
      // A crash right after the event went out, before the step's checkpoint.
      failOn.times--;
      throw new Error(`injected failure after ${name}`);
    }
  };
  const graph = compileInterviewGraph(
    {
      packs,
      interviewer: createOfflineInterviewer(),
      emit,
      now: Date.now,
      sink: { saveReport: (r) => store.sessions.complete(r.sessionId, JSON.stringify(r), Date.now()) },
    },
    new SqliteSaver(sqlite),
  );
  const service = createInterviewService({ graph, store, packs, now: Date.now, logger: pino({ level: "silent" }) });
  return { service, emitted, store };
}

describe("session service recovery", () => {
  it("a retried submit finishes a step that failed after the answer was recorded", async () => {
    const { service, emitted, store } = await serviceOn(tempDatabaseFile(), { event: "round:end", times: 1 });
    const { sessionId } = await service.start({ packId: "mini", rounds: ["story", "code"], mode: "timed" });
    await service.begin(sessionId);
    const submit = { sessionId, questionId: "failure-story", submissionId: "sub-00000001", text: STORY };
    await expect(service.submit(submit)).rejects.toThrow("injected failure");
    expect(emitted).not.toContain("question:start:retry");
    expect(await service.submit(submit)).toEqual({ accepted: true, duplicate: true });
    expect(emitted.indexOf("round:end")).toBeLessThan(emitted.indexOf("question:start:retry"));
    expect(emitted.at(-1)).toBe("question:end");
    expect(await store.answers.countForSession(sessionId)).toBe(1);
    await service.close();
  });

  it("recover() after a restart continues a step a crash cut short", async () => {
    const file = tempDatabaseFile();
    const first = await serviceOn(file, { event: "question:start", times: 1 });
    const { sessionId } = await first.service.start({ packId: "mini", rounds: ["story"], mode: "timed" });
    await expect(first.service.begin(sessionId)).rejects.toThrow("injected failure");
    await first.service.close();

    const second = await serviceOn(file);
    expect(await second.service.recover()).toBe(1);
    expect(second.emitted).toContain("question:start:failure-story");
    const snapshot = await second.service.snapshot(sessionId);
    expect(snapshot.question?.questionId).toBe("failure-story");
    expect(second.service.roundTimerFor(sessionId)).toBe(snapshot.round?.endsAt);
    await second.service.close();
  });

  it("a step re-run after a crash emits its events exactly once (deterministic event keys)", async () => {
    const file = tempDatabaseFile();
    const first = await serviceOn(file, { event: "round:end", times: 1, afterStoring: true });
    const { sessionId } = await first.service.start({ packId: "mini", rounds: ["story", "code"], mode: "timed" });
    await first.service.begin(sessionId);
    await expect(
      first.service.submit({ sessionId, questionId: "failure-story", submissionId: "sub-00000002", text: STORY }),
    ).rejects.toThrow("injected failure after round:end");
    await first.service.close();

    const second = await serviceOn(file);
    await second.service.recover();
    const events = await second.store.events.after(sessionId, 0);
    const count = (type: string, pred: (p: Record<string, unknown>) => boolean = () => true) =>
      events.filter((e) => e.type === type && pred(e.payload)).length;
    expect(count("round:end")).toBe(1);
    expect(count("round:start")).toBe(2);
    expect(count("question:start", (p) => p.questionId === "retry")).toBe(1);
    // seqs stay gapless
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    await second.service.close();
  });

  it("recover() finishes a submit whose step the process died in, from the recorded answer", async () => {
    const file = tempDatabaseFile();
    const first = await serviceOn(file, { event: "round:end", times: 1, afterStoring: true, hang: true });
    const { sessionId } = await first.service.start({ packId: "mini", rounds: ["story", "code"], mode: "timed" });
    await first.service.begin(sessionId);
    // Never settles: the process "dies" inside the step, after the answer row and round:end were stored.
    void first.service.submit({ sessionId, questionId: "failure-story", submissionId: "sub-00000003", text: STORY });
    await vi.waitFor(() => expect(first.emitted).toContain("round:end"));

    const second = await serviceOn(file);
    expect(await second.service.recover()).toBe(1);
    const snapshot = await second.service.snapshot(sessionId);
    expect(snapshot.question?.questionId).toBe("retry");
    const events = await second.store.events.after(sessionId, 0);
    expect(events.filter((e) => e.type === "round:end")).toHaveLength(1);
    expect(events.filter((e) => e.type === "question:start" && e.payload.questionId === "retry")).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await second.store.answers.countForSession(sessionId)).toBe(1);
    await second.service.close();
  });
});
