import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../../server/contracts/index.js";
import { manualClock, type ManualClock } from "../helpers/manual-clock.js";
import { miniPackWithRoundSeconds } from "../helpers/packs.js";
import { startTestServer, tempDatabaseFile, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";
import { testPostgresUrl } from "../helpers/database.js";

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const s of servers.splice(0)) await s.close();
});
async function serve(seconds: number, clock: ManualClock, databaseFile?: string) {
  const s = await startTestServer({ packs: [miniPackWithRoundSeconds(seconds)], clock, ...(databaseFile ? { databaseFile } : {}) });
  servers.push(s);
  return s;
}
async function client(url: string) {
  const c = await connectClient(url);
  clients.push(c);
  return c;
}
/** Wait (on real time, briefly) for work the clock already triggered to finish. */
async function eventually<T>(read: () => Promise<T | undefined>, ms = 10_000): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const reportOf = (server: TestServer, start: { sessionId: string; resumeToken: string }) => () =>
  server.app.service.report(start.sessionId, start.resumeToken).catch(() => undefined) as Promise<Report | undefined>;

describe("server-side round timers (manual clock)", () => {
  it("on expiry submits the last autosaved draft and ends the round with reason timeout, even while disconnected", async () => {
    const clock = manualClock();
    const server = await serve(90, clock);
    const c = await client(server.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["story", "code"] });
    await c.waitFor("question:end");
    await c.request("answer:draft", {
      sessionId: start.sessionId,
      questionId: "failure-story",
      text: "The situation was a rushed launch of our bot; the result was that we reduced errors by half.",
    });
    c.close(); // nobody is watching: the server keeps time anyway
    clock.advance(90_000);
    // The second round starts after the first one's timeout; then its own deadline passes.
    await eventually(async () => (server.app.service.roundTimerFor(start.sessionId) === clock.now() + 90_000 ? true : undefined));
    clock.advance(90_000);
    const report = await eventually(reportOf(server, start));
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
    const clock = manualClock();
    const databaseFile = tempDatabaseFile();
    const first = await serve(120, clock, databaseFile);
    const c = await client(first.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["story"] });
    const roundStart = await c.waitFor("round:start");
    await c.waitFor("question:end");
    await c.request("answer:draft", {
      sessionId: start.sessionId,
      questionId: "failure-story",
      text: "Drafted before the crash: the situation and the result.",
    });
    c.close();
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    // Back up before the deadline: same question, same endsAt, timer armed again.
    clock.advance(60_000);
    const second = await serve(120, clock, databaseFile);
    // SQLite re-arms an in-process timer; on PostgreSQL every instance polls the stored deadline instead (server/cluster/).
    if (!testPostgresUrl) expect(second.app.service.roundTimerFor(start.sessionId)).toBe(roundStart.payload.endsAt);
    const c2 = await client(second.url);
    const { snapshot } = await c2.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken });
    expect(snapshot.round.endsAt).toBe(roundStart.payload.endsAt);
    expect(snapshot.draft.text).toContain("Drafted before the crash");
    c2.close();
    await second.close();
    servers.splice(servers.indexOf(second), 1);

    // Down past the deadline: the third start-up fires the overdue timeout at once.
    clock.advance(120_000);
    const third = await serve(120, clock, databaseFile);
    clock.advance(0);
    const report = await eventually(reportOf(third, start));
    expect(report?.rounds[0]!.endReason).toBe("timeout");
    expect(report?.rounds[0]!.questions[0]!.turns[0]!.answer?.text).toContain("Drafted before the crash");
  });
});
