import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

let server: TestServer;
const clients: TestClient[] = [];
async function client(): Promise<TestClient> {
  const c = await connectClient(server.url);
  clients.push(c);
  return c;
}
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await server?.close();
});

const ANSWERS: Record<string, { text?: string; code?: string; language?: "python" }> = {
  "rag-basics": {
    text: "Chunk each article by heading and store embeddings in a vector index; retrieve the top five chunks for the answer.",
  },
  "rag-basics~f1": {
    text: "I would run an eval on a golden set of real tickets and compare recall and faithfulness against the current retriever.",
  },
  "cost-estimate": { text: "About 1,500 tokens per query times 10,000 a day is 450M tokens per month, so a few hundred dollars monthly." },
  "failure-story": {
    text: "The situation: we were shipping a summariser. The result was that we reduced bad summaries by 60% after adding checks.",
  },
  retry: { code: "import random\ndef call_with_retry(send):\n    delay = 0.5 * 2 ** attempt + random.random()\n", language: "python" },
};

describe("a whole interview over socket.io", () => {
  it("starts, streams every question, accepts answers incl. a follow-up, completes, and serves the report", async () => {
    server = await startTestServer({ packs: [miniPack()] });
    const c = await client();
    const start = await c.request("session:start", { packId: "mini", level: "mid", mode: "timed" });
    expect(start.plan.rounds.map((r: { roundId: string }) => r.roundId)).toEqual(["design", "story", "code"]);
    const asked: string[] = [];
    let afterSeq = 0;
    for (;;) {
      const next = await Promise.race([
        c.waitFor("question:end", () => true, { afterSeq }),
        c.waitFor("session:complete", () => true, { afterSeq }),
      ]);
      if (next.name === "session:complete") break;
      const questionId = next.payload.questionId as string;
      asked.push(questionId);
      afterSeq = next.payload.seq;
      const ack = await c.request("answer:submit", {
        sessionId: start.sessionId,
        questionId,
        submissionId: randomUUID(),
        ...ANSWERS[questionId],
      });
      expect(ack).toEqual({ accepted: true, duplicate: false });
    }
    expect(asked).toEqual(["rag-basics", "rag-basics~f1", "cost-estimate", "failure-story", "retry"]);
    // seqs are strictly increasing with no gaps
    expect(c.received.map((e) => e.payload.seq)).toEqual(c.received.map((_, i) => i + 1));

    const res = await fetch(`${server.url}/api/sessions/${start.sessionId}/report`, { headers: { "X-Resume-Token": start.resumeToken } });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.packVersion).toBe(3);
    expect(report.rounds[0].questions[0].turns.map((t: { turnId: string }) => t.turnId)).toEqual(["rag-basics", "rag-basics~f1"]);
    expect(report.rounds[0].questions[0].criteria.find((c: { criterionId: string }) => c.criterionId === "evaluation").score).toBe(4);
    expect(report.overall).toBeGreaterThan(70);

    const wrong = await fetch(`${server.url}/api/sessions/${start.sessionId}/report`, { headers: { "X-Resume-Token": "x".repeat(32) } });
    expect(wrong.status).toBe(403);
    const missing = await fetch(`${server.url}/api/sessions/${start.sessionId}/report`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toContain("X-Resume-Token");
  });

  it("resumes after a disconnect mid-question: same question, same deadline, draft kept, missed events replayed", async () => {
    server = await startTestServer({ packs: [miniPack()] });
    const first = await client();
    const start = await first.request("session:start", { packId: "mini", rounds: ["design"] });
    const end = await first.waitFor("question:end");
    const roundStart = await first.waitFor("round:start");
    await first.request("answer:draft", { sessionId: start.sessionId, questionId: "rag-basics", text: "half-written answer" });
    first.close();

    const second = await client();
    const { snapshot } = await second.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken, lastSeq: 0 });
    expect(snapshot.question).toMatchObject({ questionId: "rag-basics", kind: "main", text: end.payload.text });
    expect(snapshot.round.endsAt).toBe(roundStart.payload.endsAt);
    expect(snapshot.draft).toMatchObject({ questionId: "rag-basics", text: "half-written answer" });
    expect(snapshot.lastSeq).toBe(end.payload.seq);
    // lastSeq 0 asks for everything: round:start, question:start, deltas, question:end
    const replayed = await second.waitFor("question:end");
    expect(replayed.payload.seq).toBe(end.payload.seq);
    expect(second.received[0]!.name).toBe("round:start");

    // The resumed connection can carry on.
    const ack = await second.request("answer:submit", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      text: ANSWERS["rag-basics"]!.text,
    });
    expect(ack.accepted).toBe(true);
    await second.waitFor("question:start", (p) => p.questionId === "rag-basics~f1");
  });

  it("treats a retried submit (same submissionId) as a duplicate, not a second answer", async () => {
    server = await startTestServer({ packs: [miniPack()] });
    const c = await client();
    const start = await c.request("session:start", { packId: "mini", rounds: ["story", "code"] });
    await c.waitFor("question:end");
    const submit = {
      sessionId: start.sessionId,
      questionId: "failure-story",
      submissionId: "submit-0001",
      text: ANSWERS["failure-story"]!.text,
    };
    const [a, b] = await Promise.all([c.request("answer:submit", submit), c.request("answer:submit", submit)]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const again = await c.request("answer:submit", submit);
    expect(again).toEqual({ accepted: true, duplicate: true });
    expect(c.received.filter((e) => e.name === "question:start" && e.payload.questionId === "retry")).toHaveLength(1);

    // Reusing the id for another question is a client bug: say so instead of dropping the answer.
    await c.waitFor("question:end", (p) => p.questionId === "retry");
    const reused = await c.send("answer:submit", { ...submit, questionId: "retry", text: undefined, ...ANSWERS.retry });
    expect(reused).toMatchObject({
      ok: false,
      error: { code: "SUBMISSION_ID_REUSED", message: expect.stringContaining('already used for question "failure-story"') },
    });
    await c.request("answer:submit", { sessionId: start.sessionId, questionId: "retry", submissionId: "submit-0002", ...ANSWERS.retry });
    await c.waitFor("session:complete");
    const report = await server.app.service.report(start.sessionId, start.resumeToken);
    expect(report.rounds.map((r) => r.questions[0]!.turns.map((t) => [t.turnId, t.reason]))).toEqual([
      [["failure-story", "submit"]],
      [["retry", "submit"]],
    ]);
    expect(c.received.filter((e) => e.name === "session:complete")).toHaveLength(1);
  });

  it("answers malformed payloads with BAD_PAYLOAD naming the field, and keeps serving", async () => {
    server = await startTestServer({ packs: [miniPack()] });
    const c = await client();
    const bad1 = await c.send("session:start", { packId: 42 });
    expect(bad1).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD" } });
    expect(bad1.ok || bad1.error.message).toContain("packId");
    const bad2 = await c.send("answer:submit", { sessionId: "not-a-uuid", questionId: "q", submissionId: "s" });
    expect(bad2.ok || bad2.error.message).toMatch(/sessionId.*UUID/);
    expect(bad2.ok || bad2.error.message).toContain("submissionId");
    const bad3 = await c.send("session:start", "just a string");
    expect(bad3).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD" } });
    const bad4 = await c.send("session:start", { packId: "mini", mode: "timed", admin: true });
    expect(bad4.ok || bad4.error.message).toContain("admin");
    const bad5 = await c.send("session:start", { packId: "nope" });
    expect(bad5).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: expect.stringContaining('"mini"') } });
    const bad6 = await c.send("session:start", { packId: "mini", rounds: ["design", "missing-round"] });
    expect(bad6.ok || bad6.error.message).toContain('"missing-round"');
    const huge = await c.send("answer:draft", { sessionId: randomUUID(), questionId: "q", text: "x".repeat(20_001) });
    expect(huge.ok || huge.error.message).toContain("20000");
    (c.socket as unknown as { emit(e: string, p: unknown): void }).emit("session:start", { packId: "mini" }); // no ack: ignored, no crash

    // A session this connection never joined cannot be touched.
    const other = await client();
    const start = await other.request("session:start", { packId: "mini" });
    const intrude = await c.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      text: "hi",
    });
    expect(intrude).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const wrongToken = await c.send("session:resume", { sessionId: start.sessionId, resumeToken: "y".repeat(32) });
    expect(wrongToken).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // A stale question id is a conflict, not a new answer.
    await other.waitFor("question:end");
    const stale = await other.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "retry",
      submissionId: randomUUID(),
      text: "hi",
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "NOT_OPEN_QUESTION", message: expect.stringContaining('"rag-basics"') } });

    // A text question takes text: code there would be read as code and skip the prose checks.
    const codeOnText = await other.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      code: "chunk = embed",
      language: "python",
    });
    expect(codeOnText).toMatchObject({
      ok: false,
      error: { code: "BAD_PAYLOAD", message: expect.stringContaining("takes a written answer") },
    });
    const draftCode = await other.send("answer:draft", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      code: "x = 1",
      language: "python",
    });
    expect(draftCode).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD" } });
    // Answers must carry something, and code must say its language.
    const empty = await other.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      text: "   ",
    });
    expect(empty).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining('"skip"') } });
    const noLanguage = await other.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      code: "x = 1",
    });
    expect(noLanguage).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("language") } });
    // An event the server does not know still gets an answer.
    const unknown = await c.send("session:hack" as never, {});
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: "BAD_PAYLOAD", message: expect.stringContaining('unknown event "session:hack"') },
    });

    // One connection cannot mint sessions in bulk.
    const flood = await client();
    const acks = [];
    for (let i = 0; i < 11; i++) acks.push(await flood.send("session:start", { packId: "mini" }));
    expect(acks.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(acks[10]).toMatchObject({
      ok: false,
      error: { code: "RATE_LIMITED", message: expect.stringContaining("started too many sessions"), retryAfterMs: expect.any(Number) },
    });

    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, database: "ok", packs: 1 });
  });

  it("ends early on session:end and grades the rest as unanswered", async () => {
    server = await startTestServer({ packs: [miniPack()] });
    const c = await client();
    const start = await c.request("session:start", { packId: "mini" });
    await c.waitFor("question:end");
    await c.request("answer:draft", { sessionId: start.sessionId, questionId: "rag-basics", text: ANSWERS["rag-basics"]!.text });
    expect(await c.request("session:end", { sessionId: start.sessionId })).toEqual({ ended: true });
    await c.waitFor("session:complete");
    const report = await server.app.service.report(start.sessionId, start.resumeToken);
    expect(report.rounds.map((r) => r.endReason)).toEqual(["ended", "ended", "ended"]);
    expect(report.rounds[0]!.questions[0]!.turns[0]).toMatchObject({ reason: "ended", answer: { text: ANSWERS["rag-basics"]!.text } });
    expect(report.rounds[0]!.questions[0]!.score).toBeGreaterThan(0);
    const late = await c.send("answer:submit", {
      sessionId: start.sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      text: "late",
    });
    expect(late).toMatchObject({ ok: false, error: { code: "SESSION_OVER" } });
  });
});
