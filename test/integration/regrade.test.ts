import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RegradeResultSchema, ReportSchema, TeamRegradeResultSchema, type Report } from "../../server/contracts/index.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { GRADING_CPU_MS } from "../../server/interview/index.js";
import type { Pack } from "../../server/scenarios/index.js";
import { manualTimers } from "../helpers/manual-timers.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";
import { teamApi } from "../helpers/team-session.js";

// The grading thread's bound is driven by the test: its timer fires only when the test fires it, with the thread's
// CPU clock read as past the bound, so a reading is given up (GRADING_TIMEOUT) without any real wait.
const timers = manualTimers();
const CPU = { ms: 0 };
// The first grade of each question spins in its thread (the stand-in for an answer the grader goes super-linear on).
const STUCK_DIR = mkdtempSync(join(tmpdir(), "regrade-"));
const STUCK_ONCE = new URL(`../fixtures/workers/stuck-once-grader-worker.ts?dir=${STUCK_DIR}`, import.meta.url);

/** The mini pack cut to one design question that asks no follow-up: the only reading after the answer is its grade. */
function oneQuestion(): Pack {
  const pack = miniPack();
  return {
    ...pack,
    rounds: pack.rounds.filter((r) => r.id === "design").map((r) => ({ ...r, pick: 1, questions: ["rag-basics"] })),
    questions: pack.questions.filter((q) => q.id === "rag-basics").map((q) => ({ ...q, maxFollowUps: 0 })),
  };
}
const pack = oneQuestion();
const ANSWER =
  "Chunk each article by its headings, embed the chunks and keep them in a vector index. Before rollout I would build a golden set and track recall.";
const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

let server: TestServer;
let acme: string;
beforeAll(async () => {
  server = await startTestServer({
    packs: [pack],
    rateLimits: null,
    gradingThread: { startTimer: timers.startTimer, threadCpuMs: () => CPU.ms, worker: STUCK_ONCE },
  });
  acme = (await server.app.teams.create("Acme")).token;
  const upload = await fetch(`${server.url}/api/teams/acme/packs`, {
    method: "POST",
    body: TINY,
    headers: { authorization: `Bearer ${acme}` },
  });
  expect(upload.status).toBe(201);
});
afterAll(() => server.close());

const post = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { method: "POST", headers });
const getReport = async (sessionId: string, resumeToken: string) =>
  ReportSchema.parse(
    await (await fetch(`${server.url}/api/sessions/${sessionId}/report`, { headers: { "x-resume-token": resumeToken } })).json(),
  );
const questionsOf = (report: Report) => report.rounds.flatMap((r) => r.questions);

/**
 * Sit a session to its end with `answer` for each question (started by `start`), giving up the grade reading of the
 * last answer: the reading the grading thread starts after the answer's step is its grade (no follow-up is decided).
 */
async function sitWithGradingTimeout(
  start: (c: Awaited<ReturnType<typeof connectClient>>) => Promise<{ sessionId: string }>,
  answer: string,
) {
  const c = await connectClient(server.url);
  try {
    const { sessionId } = await start(c);
    const asked = await c.waitFor("question:end");
    const questionId = String(asked.payload.questionId);
    // The answer ends the session, whose report waits for the grade: the ack comes once the grade is given up.
    // Then the session is ended (a follow-up, if one is asked, goes unanswered): its report waits for that grade too.
    const submitted = c
      .request("answer:submit", { sessionId, questionId, submissionId: randomUUID(), text: answer })
      .then(() => c.request("session:end", { sessionId }));
    // The fixture worker marks the question's grade before it spins; the grading thread reads one task at a time, so
    // the reading in progress then (its timer the one not cancelled) is that grade.
    const grading = await vi.waitFor(
      () => {
        if (!existsSync(join(STUCK_DIR, `${questionId}.stuck`))) throw new Error("the grade reading has not started yet");
        const live = timers.armed.filter((t) => !t.cancelled);
        if (live.length !== 1) throw new Error(`${live.length} readings in progress`);
        return live[0]!;
      },
      { timeout: 60_000, interval: 20 },
    );
    CPU.ms += GRADING_CPU_MS;
    grading.fire();
    await submitted;
    await c.waitFor("session:complete");
    return sessionId;
  } finally {
    c.close();
  }
}

describe("a question the grader gave up on (GRADING_TIMEOUT) is graded again on request", () => {
  it("the candidate: POST /api/sessions/:id/regrade grades it, saves the report, and keeps everything else", async () => {
    let resumeToken = "";
    const sessionId = await sitWithGradingTimeout(async (c) => {
      const started = await c.request("session:start", { packId: "mini", rounds: ["design"] });
      resumeToken = started.resumeToken;
      return started;
    }, ANSWER);
    const before = await getReport(sessionId, resumeToken);
    const [given] = questionsOf(before);
    expect(given!.gradingError).toMatch(/^could not be graded \(GRADING_TIMEOUT\)/);
    expect(given!.score).toBe(0);

    // Refused without the session's token; another session's id is not found.
    const refused = await post(`/api/sessions/${sessionId}/regrade`, { "x-resume-token": "x".repeat(32) });
    expect([refused.status, (await refused.json()).error.code]).toEqual([403, "FORBIDDEN"]);
    const missing = await post(`/api/sessions/${randomUUID()}/regrade`, { "x-resume-token": resumeToken });
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, "NOT_FOUND"]);

    const res = await post(`/api/sessions/${sessionId}/regrade`, { "x-resume-token": resumeToken });
    expect(res.status).toBe(200);
    const result = RegradeResultSchema.parse(await res.json());
    expect(result.regraded).toEqual(["rag-basics"]);
    expect(result.notGraded).toEqual([]);
    const [regraded] = questionsOf(result.report);
    expect(regraded!.gradingError).toBeUndefined();
    // The grader's own scores for the answer, as a session that had not timed out would have reported them.
    const question = pack.questions[0]!;
    const expected = gradeQuestion(question, [{ text: ANSWER }], { pack }).scores;
    expect(regraded!.criteria.map((k) => [k.criterionId, k.score])).toEqual(expected.map((s) => [s.criterionId, s.score]));
    expect(regraded!.score).toBeGreaterThan(0);
    expect(result.report.overall).toBe(regraded!.score);
    // Nothing saved is lost: the transcript, the session's times and usage are as they were.
    expect(regraded!.turns).toEqual(given!.turns);
    expect({ ...result.report, rounds: null, overall: null }).toEqual({ ...before, rounds: null, overall: null });

    // Saved: the report reads the same afterwards, and a second regrade has nothing left to do.
    expect(await getReport(sessionId, resumeToken)).toEqual(result.report);
    const again = RegradeResultSchema.parse(
      await (await post(`/api/sessions/${sessionId}/regrade`, { "x-resume-token": resumeToken })).json(),
    );
    expect(again).toEqual({ regraded: [], notGraded: [], report: result.report });
  });

  it("refuses a session still in progress with SESSION_IN_PROGRESS", async () => {
    const c = await connectClient(server.url);
    try {
      const { sessionId, resumeToken } = await c.request("session:start", { packId: "mini", rounds: ["design"] });
      const res = await post(`/api/sessions/${sessionId}/regrade`, { "x-resume-token": resumeToken });
      expect([res.status, (await res.json()).error.code]).toEqual([409, "SESSION_IN_PROGRESS"]);
    } finally {
      c.close();
    }
  });

  it("a team reviewer: POST /api/teams/:team/sessions/:id/regrade grades it and keeps the reviewers' overrides; a viewer may not", async () => {
    const api = (path: string, token: string, init?: Parameters<typeof teamApi>[3]) => teamApi(server, path, token, init);
    const invite = await (
      await api("/api/teams/acme/invites", acme, { method: "POST", json: { packId: "tiny", candidateLabel: "Robin" } })
    ).json();
    const sessionId = await sitWithGradingTimeout(async (c) => {
      const start = await fetch(`${server.url}/api/invites/${invite.token}/start`, { method: "POST" });
      const { sessionId, resumeToken } = await start.json();
      await c.request("session:resume", { sessionId, resumeToken, lastSeq: 0 });
      return { sessionId };
    }, "We were shipping search; a bad index took it down. I decided to roll back and wrote a canary check. Failed searches fell from 300 to 5 a day.");
    const detail = await (await api(`/api/teams/acme/sessions/${sessionId}`, acme)).json();
    const question = detail.report.rounds[0].questions[0];
    expect(question.gradingError).toMatch(/GRADING_TIMEOUT/);
    const criterionId = question.criteria[0].criterionId;
    const override = await api(`/api/teams/acme/sessions/${sessionId}/overrides`, acme, {
      method: "POST",
      json: { questionId: question.questionId, criterionId, score: 3, note: "read by hand while the grader could not" },
    });
    expect(override.status).toBe(201);

    const viewer = (await (await api("/api/teams/acme/tokens", acme, { method: "POST", json: { label: "Vi", role: "viewer" } })).json())
      .token;
    const refused = await api(`/api/teams/acme/sessions/${sessionId}/regrade`, viewer, { method: "POST" });
    expect([refused.status, (await refused.json()).error.code]).toEqual([403, "FORBIDDEN_ROLE"]);

    const res = await api(`/api/teams/acme/sessions/${sessionId}/regrade`, acme, { method: "POST" });
    expect(res.status).toBe(200);
    const result = TeamRegradeResultSchema.parse(await res.json());
    expect(result.regraded).toEqual([question.questionId]);
    const regraded = result.detail.report!.rounds[0]!.questions[0]!;
    expect(regraded.gradingError).toBeUndefined();
    // The override stands on the new grade, with its audit row.
    expect(result.detail.overrides[`${question.questionId}/${criterionId}`]).toMatchObject({ score: 3 });
    expect(result.detail.adjustedQuestionScores[question.questionId]).toBeGreaterThan(0);
    expect(result.detail.audit).toHaveLength(1);
  });
});
