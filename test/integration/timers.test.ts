import { afterEach, describe, expect, it } from "vitest";
import { miniPackWithRoundSeconds } from "../helpers/packs.js";
import { startTestServer, tempDatabaseFile, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const s of servers.splice(0)) await s.close();
});
async function serve(seconds: number, databaseFile?: string) {
  const s = await startTestServer({ packs: [miniPackWithRoundSeconds(seconds)], ...(databaseFile ? { databaseFile } : {}) });
  servers.push(s);
  return s;
}
async function client(url: string) {
  const c = await connectClient(url);
  clients.push(c);
  return c;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("server-side round timers", () => {
  it("on expiry submits the last autosaved draft and ends the round with reason timeout, even while disconnected", async () => {
    const server = await serve(1.5);
    const c = await client(server.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["story", "code"] });
    await c.waitFor("question:end");
    await c.request("answer:draft", { sessionId: start.sessionId, questionId: "failure-story", text: "The situation was a rushed launch of our bot; the result was that we reduced errors by half." });
    c.close(); // nobody is watching: the server keeps time anyway
    const deadline = Date.now() + 8_000;
    let report;
    while (Date.now() < deadline) {
      report = await server.app.service.report(start.sessionId, start.resumeToken).catch(() => undefined);
      if (report) break;
      await sleep(100);
    }
    expect(report).toBeDefined();
    expect(report!.rounds.map((r) => r.endReason)).toEqual(["timeout", "timeout"]);
    const story = report!.rounds[0]!.questions[0]!;
    expect(story.turns[0]).toMatchObject({ reason: "timeout", answer: { text: expect.stringContaining("The situation") } });
    expect(story.score).toBeGreaterThan(0);
    const code = report!.rounds[1]!.questions[0]!;
    expect(code.answered).toBe(false);
    expect(code.criteria.every((cr) => cr.insufficientEvidence)).toBe(true);
  });

  it("survives a restart: the deadline is re-armed from the store, and an expired round times out on start-up", async () => {
    const databaseFile = tempDatabaseFile();
    const first = await serve(2, databaseFile);
    const c = await client(first.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["story"] });
    const roundStart = await c.waitFor("round:start");
    await c.waitFor("question:end");
    await c.request("answer:draft", { sessionId: start.sessionId, questionId: "failure-story", text: "Drafted before the crash: the situation and the result." });
    c.close();
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    // Back up before the deadline: same question, same endsAt, timer armed again.
    const second = await serve(2, databaseFile);
    expect(second.app.service.roundTimerFor(start.sessionId)).toBe(roundStart.payload.endsAt);
    const c2 = await client(second.url);
    const { snapshot } = await c2.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken });
    expect(snapshot.round.endsAt).toBe(roundStart.payload.endsAt);
    expect(snapshot.draft.text).toContain("Drafted before the crash");
    c2.close();
    await second.close();
    servers.splice(servers.indexOf(second), 1);

    // Down past the deadline: the third start-up fires the overdue timeout at once.
    await sleep(Math.max(0, (roundStart.payload.endsAt as number) - Date.now()) + 200);
    const third = await serve(2, databaseFile);
    const deadline = Date.now() + 5_000;
    let report;
    while (Date.now() < deadline && !report) {
      report = await third.app.service.report(start.sessionId, start.resumeToken).catch(() => undefined);
      if (!report) await sleep(50);
    }
    expect(report?.rounds[0]!.endReason).toBe("timeout");
    expect(report?.rounds[0]!.questions[0]!.turns[0]!.answer?.text).toContain("Drafted before the crash");
  });
});
