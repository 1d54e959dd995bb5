import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { DEFAULT_PATHS } from "../../server/sandbox/python/command.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

const pack = miniPack();
const retry = pack.questions.find((q) => q.id === "retry")!;
const PYTHON_OK = retry.coding!.referenceSolution.python!;
const TS_OK = retry.coding!.referenceSolution.typescript!;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [pack] });
});
afterAll(() => server.close());

async function codingSession(): Promise<{
  c: TestClient;
  sessionId: string;
  resumeToken: string;
  start: Record<string, unknown>;
  endSeq: number;
}> {
  const c = await connectClient(server.url);
  const { sessionId, resumeToken } = await c.request("session:start", { packId: "mini", rounds: ["code", "story"] });
  const start = (await c.waitFor("question:start")).payload;
  const end = await c.waitFor("question:end");
  return { c, sessionId, resumeToken, start, endSeq: end.payload.seq };
}

/** Wait for question `id`, answering "skip" to any follow-up asked on the way. */
async function reach(c: TestClient, sessionId: string, id: string, afterSeq: number) {
  for (let seen = afterSeq; ;) {
    const end = await c.waitFor("question:end", () => true, { afterSeq: seen });
    seen = end.payload.seq;
    if (end.payload.questionId === id) return end;
    await c.request("answer:submit", { sessionId, questionId: end.payload.questionId, submissionId: randomUUID(), text: "skip" });
  }
}

describe("the coding round", () => {
  it("refuses Python runs with the reason when the machine cannot confine them", async () => {
    const noPython = await startTestServer({
      packs: [pack],
      sandbox: { limits: DEFAULT_LIMITS, pythonPool: 1, typescriptWorkers: 1, paths: { ...DEFAULT_PATHS, bwrap: "/nonexistent/bwrap" } },
    });
    try {
      const c = await connectClient(noPython.url);
      const { sessionId } = await c.request("session:start", { packId: "mini", rounds: ["code"] });
      await c.waitFor("question:end");
      const py = await c.send("code:run", { sessionId, questionId: "retry", code: PYTHON_OK, language: "python" });
      expect(py).toMatchObject({
        ok: false,
        error: { code: "LANGUAGE_UNAVAILABLE", message: expect.stringContaining("apt-get install bubblewrap") },
      });
      const ts = await c.request("code:run", { sessionId, questionId: "retry", code: TS_OK, language: "typescript" });
      expect(ts.report.passed).toBe(1);
      c.close();
    } finally {
      await noPython.close();
    }
  });

  it("shows visible tests with the question and never hidden ones", async () => {
    const { c, start } = await codingSession();
    expect(start).toMatchObject({
      answerFormat: "code",
      languages: ["python", "typescript"],
      visibleTests: [{ name: "succeeds first time", args: [[200]], expected: 200 }],
    });
    expect(JSON.stringify(c.received)).not.toContain("retries a 429");
    expect(JSON.stringify(c.received)).not.toContain("referenceSolution");
    c.close();
  });

  it("runs visible tests on code:run in Python and TypeScript, reporting failures clearly", async () => {
    const { c, sessionId } = await codingSession();
    const py = await c.request("code:run", { sessionId, questionId: "retry", code: PYTHON_OK, language: "python" });
    expect(py.report).toMatchObject({ language: "python", scope: "visible", passed: 1, total: 1, hiddenTotal: 0, status: "ok" });
    expect(py.report.results[0]).toMatchObject({
      name: "succeeds first time",
      visible: true,
      passed: true,
      args: [[200]],
      expected: 200,
      actual: 200,
    });
    const ts = await c.request("code:run", {
      sessionId,
      questionId: "retry",
      code: "export async function callWithRetry(send: any) { return 'nope'; }",
      language: "typescript",
    });
    expect(ts.report.results[0]).toMatchObject({ passed: false, actual: "nope", expected: 200 });
    const broken = await c.request("code:run", {
      sessionId,
      questionId: "retry",
      code: "def call_with_retry(send):\n    return send(\n",
      language: "python",
    });
    expect(broken.report.results[0].error).toMatch(/SyntaxError/);
    const blank = await c.send("code:run", { sessionId, questionId: "retry", code: "  \n ", language: "python" });
    expect(blank).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("no code to run") } });
    const wrongLanguage = await c.send("code:run", { sessionId, questionId: "retry", code: "x", language: "rust" });
    expect(wrongLanguage).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("language") } });
    c.close();
  });

  it("refuses code:run outside a coding question and concurrent runs", async () => {
    const { c, sessionId, endSeq } = await codingSession();
    const [a, b] = await Promise.all([
      c.send("code:run", {
        sessionId,
        questionId: "retry",
        code: "import time\ndef call_with_retry(send):\n    time.sleep(0.3)\n    return 200\n",
        language: "python",
      }),
      c.send("code:run", { sessionId, questionId: "retry", code: PYTHON_OK, language: "python" }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((a.ok ? b : a) as unknown).toMatchObject({
      error: { code: "RUN_IN_PROGRESS", message: expect.stringContaining("already in progress") },
    });
    await c.request("answer:submit", { sessionId, questionId: "retry", submissionId: randomUUID(), code: PYTHON_OK, language: "python" });
    const next = await reach(c, sessionId, "failure-story", endSeq);
    const notCoding = await c.send("code:run", { sessionId, questionId: next.payload.questionId, code: "x", language: "python" });
    expect(notCoding).toMatchObject({
      ok: false,
      error: { code: "BAD_PAYLOAD", message: expect.stringContaining("not a coding question") },
    });
    c.close();
  });

  it("runs every test on submit and reports hidden tests as pass/fail only", async () => {
    const { c, sessionId, resumeToken, endSeq } = await codingSession();
    await c.request("answer:submit", { sessionId, questionId: "retry", submissionId: randomUUID(), code: TS_OK, language: "typescript" });
    // The reference solution has no jitter, so a follow-up comes; a reload there keeps the submitted code.
    const followUp = await c.waitFor("question:start", (p) => p.questionId === "retry~f1");
    expect(followUp.payload).toMatchObject({ kind: "follow-up", answerFormat: "code" });
    const { snapshot } = await c.request("session:resume", { sessionId, resumeToken });
    expect(snapshot.lastCode).toEqual({ code: TS_OK, language: "typescript" });
    await reach(c, sessionId, "failure-story", endSeq);
    await c.request("session:end", { sessionId });
    await c.waitFor("session:complete");
    const res = await fetch(`${server.url}/api/sessions/${sessionId}/report`, { headers: { "X-Resume-Token": resumeToken } });
    const report = await res.json();
    const q = report.rounds[0].questions[0];
    expect(q.tests).toMatchObject({ language: "typescript", scope: "all", passed: 2, total: 2, hiddenPassed: 1, hiddenTotal: 1 });
    const hidden = q.tests.results.find((r: { visible: boolean }) => !r.visible);
    expect(Object.keys(hidden).sort()).toEqual(["name", "passed", "visible"]);
    expect(q.criteria.find((cr: { criterionId: string }) => cr.criterionId === "tests-passed")).toMatchObject({
      score: 4,
      title: "Passes the tests",
      weight: 3,
    });
    c.close();
  });
});
