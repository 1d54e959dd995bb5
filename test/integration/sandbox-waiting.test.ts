import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

const pack = miniPack();
const TS_OK = pack.questions.find((q) => q.id === "retry")!.coding!.referenceSolution.typescript!;
const TS_LOOP = "export async function callWithRetry(send: any) { while (true) {} }";

let server: TestServer;
beforeAll(async () => {
  // One TypeScript worker: while one candidate's loop holds it, another's run must wait.
  server = await startTestServer({
    packs: [pack],
    sandbox: { limits: { ...DEFAULT_LIMITS, perTestMs: 800 }, pythonPool: 1, typescriptWorkers: 1 },
  });
});
afterAll(() => server.close());

async function codingSession(): Promise<{ c: TestClient; sessionId: string }> {
  const c = await connectClient(server.url);
  const { sessionId } = await c.request("session:start", { packId: "mini", rounds: ["code"] });
  await c.waitFor("question:end");
  return { c, sessionId };
}

/** The code:waiting payload this client heard (polled: it is not one of the interview events waitFor knows). */
async function heardWaiting(c: TestClient): Promise<unknown> {
  for (let i = 0; i < 3000; i++) {
    const event = c.received.find((e) => (e.name as string) === "code:waiting");
    if (event) return event.payload;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("no code:waiting heard");
}

describe("a run waiting for a free sandbox", () => {
  it("tells the waiting candidate's socket (code:waiting), and only that one; both runs then complete", async () => {
    const looping = await codingSession();
    const innocent = await codingSession();
    const [loop, good] = await Promise.all([
      looping.c.request("code:run", { sessionId: looping.sessionId, questionId: "retry", code: TS_LOOP, language: "typescript" }),
      innocent.c.request("code:run", { sessionId: innocent.sessionId, questionId: "retry", code: TS_OK, language: "typescript" }),
    ]);
    expect(loop.report.results[0]).toMatchObject({ passed: false, error: expect.stringMatching(/time limit/) });
    expect(good.report.passed).toBe(1);
    const waits = [looping, innocent].map(({ c }) => c.received.filter((e) => (e.name as string) === "code:waiting").map((e) => e.payload));
    // Whichever reached the single worker second waited, and heard about it once.
    expect(waits.flat()).toHaveLength(1);
    const waited = waits[0]!.length ? looping : innocent;
    expect(waits.flat()[0]).toEqual({ sessionId: waited.sessionId, questionId: "retry", ahead: 0 });
    looping.c.close();
    innocent.c.close();
  });

  it("drops the queued runs of clients that left, so the next candidate at their address does not wait behind them", async () => {
    const typescriptWaiting = () => server.app.sandbox!.queueStats().typescript!.waiting;
    const looping = await codingSession();
    const holding = looping.c.request("code:run", {
      sessionId: looping.sessionId,
      questionId: "retry",
      code: TS_LOOP,
      language: "typescript",
    });
    const departed = await Promise.all([codingSession(), codingSession(), codingSession()]);
    for (const d of departed) {
      void d.c
        .request("code:run", { sessionId: d.sessionId, questionId: "retry", code: TS_LOOP, language: "typescript" })
        .catch(() => undefined);
      await heardWaiting(d.c);
    }
    expect(typescriptWaiting()).toBe(3);
    for (const d of departed) d.c.close();
    // The server hears each disconnect; its runs leave the line (no sleep: poll the queue the metrics read).
    for (let i = 0; i < 500 && typescriptWaiting() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(typescriptWaiting()).toBe(0);
    const stays = await codingSession();
    const good = await stays.c.request("code:run", {
      sessionId: stays.sessionId,
      questionId: "retry",
      code: TS_OK,
      language: "typescript",
    });
    expect(good.report.passed).toBe(1);
    // Nobody is ahead of it: it waits only for the loop still holding the worker (if that loop has not ended yet: on a
    // loaded machine the loop may have used up its budget before this run was sent, and then there is no wait at all).
    const waits = stays.c.received.filter((e) => (e.name as string) === "code:waiting").map((e) => e.payload);
    for (const w of waits) expect(w).toMatchObject({ ahead: 0 });
    await holding;
    looping.c.close();
    stays.c.close();
  });
});
