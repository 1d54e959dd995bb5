import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../../server/contracts/index.js";
import { candidateWithDraft, eventually, testFleet } from "../helpers/fleet.js";
import { manualClock, type ManualClock } from "../helpers/manual-clock.js";
import { miniPackWithRoundSeconds } from "../helpers/packs.js";
import { tempDatabaseFile, type TestServer } from "../helpers/server.js";
import { testPostgresUrl } from "../helpers/database.js";

const fleet = testFleet();
afterEach(() => fleet.closeAll());
const serve = (seconds: number, clock: ManualClock, databaseFile?: string) =>
  fleet.serve({ packs: [miniPackWithRoundSeconds(seconds)], clock, ...(databaseFile ? { databaseFile } : {}) });
const client = (url: string) => fleet.client(url);
const reportOf = (server: TestServer, start: { sessionId: string; resumeToken: string }) => () =>
  server.app.service.report(start.sessionId, start.resumeToken).catch(() => undefined) as Promise<Report | undefined>;

describe("server-side round timers (manual clock)", () => {
  it("on expiry submits the last autosaved draft and ends the round with reason timeout, even while disconnected", async () => {
    const clock = manualClock();
    const server = await serve(90, clock);
    const { client: c, start } = await candidateWithDraft(fleet, server.url, {
      rounds: ["story", "code"],
      questionId: "failure-story",
      text: "The situation was a rushed launch of our bot; the result was that we reduced errors by half.",
    });
    c.close(); // nobody is watching: the server keeps time anyway
    clock.advance(90_000);
    // The second round starts after the first one's timeout; then its own deadline passes.
    await eventually(async () => (server.app.service.roundTimerFor(start.sessionId) === clock.now() + 90_000 ? true : undefined));
    clock.advance(90_000);
    const report = await eventually(reportOf(server, start));
    expect(report.rounds.map((r) => r.endReason)).toEqual(["timeout", "timeout"]);
    const story = report.rounds[0]!.questions[0]!;
    expect(story.turns[0]).toMatchObject({ reason: "timeout", answer: { text: expect.stringContaining("The situation") } });
    expect(story.score).toBeGreaterThan(0);
    const code = report.rounds[1]!.questions[0]!;
    expect(code.answered).toBe(false);
    expect(code.criteria.every((cr) => cr.insufficientEvidence)).toBe(true);
  });

  it("a submit for a question its round's clock closed is ROUND_TIME_UP, not a wrong-question error, once the next round is open", async () => {
    const clock = manualClock();
    const server = await serve(90, clock);
    const { client: c, start } = await candidateWithDraft(fleet, server.url, {
      rounds: ["story", "code"],
      questionId: "failure-story",
      text: "The situation was a rushed launch; the result was half the errors.",
    });
    clock.advance(90_000);
    await eventually(async () => (server.app.service.roundTimerFor(start.sessionId) === clock.now() + 90_000 ? true : undefined));
    const late = { sessionId: start.sessionId, questionId: "failure-story", submissionId: "late-submit-0001", text: "My late answer." };
    const ack = await c.send("answer:submit", late);
    expect(ack).toMatchObject({ ok: false, error: { code: "ROUND_TIME_UP", message: expect.stringContaining('"failure-story"') } });
    // A question that was never open is still the wrong question.
    const wrong = await c.send("answer:submit", { ...late, questionId: "no-such-question", submissionId: "late-submit-0002" });
    expect(wrong).toMatchObject({ ok: false, error: { code: "NOT_OPEN_QUESTION" } });
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
    fleet.release(first);
    await first.close();

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
    fleet.release(second);
    await second.close();

    // Down past the deadline: the third start-up's recovery times the overdue round out before it is ready
    // (no clock moves after the start).
    clock.advance(120_000);
    const third = await serve(120, clock, databaseFile);
    const report = (await reportOf(third, start)())!;
    expect(report.rounds[0]!.endReason).toBe("timeout");
    expect(report.rounds[0]!.questions[0]!.turns[0]!.answer?.text).toContain("Drafted before the crash");
  });
});
