import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

let server: TestServer;
let c: TestClient;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()], sandbox: null });
  c = await connectClient(server.url);
});
afterAll(async () => {
  c.close();
  await server.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });

/** Start a session and answer every question with `text` (or skip when blank) until it completes. */
async function sit(options: Record<string, unknown>, text: string): Promise<{ sessionId: string; resumeToken: string; asked: string[] }> {
  const start = await c.request("session:start", options);
  const asked: string[] = [];
  let afterSeq = 0; // seq is per session; the predicate keeps to this one
  for (;;) {
    const next = await Promise.race([
      c.waitFor("question:end", (p) => p.sessionId === start.sessionId, { afterSeq }),
      c.waitFor("session:complete", (p) => p.sessionId === start.sessionId, { afterSeq }),
    ]);
    if (next.name === "session:complete") break;
    afterSeq = next.payload.seq;
    const questionId = next.payload.questionId as string;
    asked.push(questionId);
    const body = questionId === "retry" ? { code: "def call_with_retry(send):\n    return send()\n", language: "python" } : { text };
    await c.request("answer:submit", { sessionId: start.sessionId, questionId, submissionId: randomUUID(), ...body });
  }
  return { sessionId: start.sessionId, resumeToken: start.resumeToken, asked };
}

describe("history, practise next and share links", () => {
  let first: Awaited<ReturnType<typeof sit>>;
  let second: Awaited<ReturnType<typeof sit>>;

  it("lists only the sessions the sent resume tokens prove, newest first, with per-round and per-criterion scores", async () => {
    first = await sit(
      { packId: "mini", rounds: ["design"], mode: "timed" },
      "Chunk articles and retrieve the top five chunks from a vector index, then evaluate recall on a golden set.",
    );
    second = await sit({ packId: "mini", rounds: ["story"], mode: "practice" }, "skip");
    const stranger = randomUUID();
    const res = await post("/api/history", {
      sessions: [
        { sessionId: first.sessionId, resumeToken: first.resumeToken },
        { sessionId: second.sessionId, resumeToken: second.resumeToken },
        // Someone else's session id with a guessed token, and an unknown id: neither is listed.
        { sessionId: first.sessionId, resumeToken: "x".repeat(32) },
        { sessionId: stranger, resumeToken: "y".repeat(32) },
      ],
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.sessions.map((s: { sessionId: string }) => s.sessionId).sort()).toEqual([first.sessionId, second.sessionId].sort());
    expect(body.unproven).toEqual([stranger]);
    const design = body.sessions.find((s: { sessionId: string }) => s.sessionId === first.sessionId);
    expect(design).toMatchObject({ packId: "mini", packTitle: "Mini test pack", mode: "timed", status: "complete" });
    expect(design.rounds).toEqual([expect.objectContaining({ roundId: "design", kind: "system-design" })]);
    expect(design.criteria.map((k: { criterionId: string }) => k.criterionId)).toEqual(expect.arrayContaining(["retrieval", "evaluation"]));
    expect(design.overall).toBeGreaterThan(0);
    const story = body.sessions.find((s: { sessionId: string }) => s.sessionId === second.sessionId);
    expect(story.overall).toBe(0);
    expect(story.criteria).toEqual([{ kind: "behavioural", criterionId: "star", title: "STAR structure", score: 0 }]);
    // No answer text or rubric material travels in a history summary.
    expect(JSON.stringify(body)).not.toContain("golden set");
  });

  it("refuses malformed history requests with a message naming the field", async () => {
    const tooMany = await post("/api/history", {
      sessions: Array.from({ length: 201 }, () => ({ sessionId: randomUUID(), resumeToken: "z".repeat(20) })),
    });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error).toMatchObject({ code: "BAD_PAYLOAD", message: expect.stringContaining("at most 200") });
    const badId = await post("/api/history", { sessions: [{ sessionId: "nope", resumeToken: "z".repeat(20) }] });
    expect((await badId.json()).error.message).toContain("sessions.0.sessionId");
    const extra = await post("/api/history", { sessions: [], admin: true });
    expect(extra.status).toBe(400);
  });

  it("suggests public questions whose rubrics score the weakest criteria, and starts a session of exactly those", async () => {
    const res = await post("/api/history/practice", {
      criteria: [
        { kind: "system-design", criterionId: "numbers" },
        { kind: "behavioural", criterionId: "star" },
      ],
    });
    const suggestion = await res.json();
    expect(suggestion).toEqual({
      packId: "mini",
      questions: [
        { id: "cost-estimate", kind: "system-design", title: "Estimate cost", targets: ["Quantitative reasoning"] },
        { id: "failure-story", kind: "behavioural", title: "A failure you owned", targets: ["STAR structure"] },
      ],
    });
    const start = await c.request("session:start", {
      packId: "mini",
      mode: "practice",
      questionIds: suggestion.questions.map((q: { id: string }) => q.id),
    });
    expect(start.plan.rounds.map((r: { roundId: string; questionIds: string[] }) => [r.roundId, r.questionIds])).toEqual([
      ["design", ["cost-estimate"]],
      ["story", ["failure-story"]],
    ]);
    expect((await post("/api/history/practice", { criteria: [] })).status).toBe(400);
  });

  it("validates questionIds: unknown ids, repeats, both rounds and questionIds, and non-public packs are refused", async () => {
    expect(await c.send("session:start", { packId: "mini", questionIds: ["nope"] })).toMatchObject({
      ok: false,
      error: { code: "BAD_PAYLOAD", message: expect.stringContaining('"nope"') },
    });
    expect(await c.send("session:start", { packId: "mini", questionIds: ["retry", "retry"] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("must not repeat") },
    });
    expect(await c.send("session:start", { packId: "mini", rounds: ["design"], questionIds: ["retry"] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("either rounds or questionIds") },
    });
    const team = await server.app.teams.create("Acme");
    await fetch(`${server.url}/api/teams/acme/packs?visibility=unlisted`, {
      method: "POST",
      body: TINY,
      headers: { authorization: `Bearer ${team.token}` },
    });
    expect(await c.send("session:start", { packId: "acme/tiny", questionIds: ["failure-story"] })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });

  it("shares a report read-only through its own token, which the owner can revoke", async () => {
    const create = () => post(`/api/sessions/${first.sessionId}/share`, {}, { "X-Resume-Token": first.resumeToken });
    expect((await post(`/api/sessions/${first.sessionId}/share`, {}, { "X-Resume-Token": "x".repeat(32) })).status).toBe(403);
    const res = await create();
    expect(res.status).toBe(201);
    const link = await res.json();
    expect(link.token).toMatch(/^shr_/);
    expect(link.token).not.toBe(first.resumeToken);
    expect(link.path).toBe(`/shared/${link.token}`);
    const shared = await fetch(`${server.url}/api/shared/${link.token}`);
    expect(shared.status).toBe(200);
    expect((await shared.json()).sessionId).toBe(first.sessionId);
    // The share token is no resume token: it neither resumes the session nor opens the owner's report route.
    expect(await c.send("session:resume", { sessionId: first.sessionId, resumeToken: link.token })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const second = await (await create()).json();
    const revoke = await fetch(`${server.url}/api/sessions/${first.sessionId}/share`, {
      method: "DELETE",
      headers: { "X-Resume-Token": first.resumeToken },
    });
    expect(await revoke.json()).toEqual({ revoked: 2 });
    for (const t of [link.token, second.token]) {
      const gone = await fetch(`${server.url}/api/shared/${t}`);
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.code).toBe("NOT_FOUND");
    }
    expect((await fetch(`${server.url}/api/shared/${encodeURIComponent("../etc")}`)).status).toBe(400);
  });
});
