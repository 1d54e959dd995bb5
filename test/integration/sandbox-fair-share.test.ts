import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, RUN_STOPPED_MESSAGE, TEST_STOPPED_MESSAGE } from "../../server/sandbox/index.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

/**
 * The sandbox pool is shared by client address and validations are background work,
 * through the real app and real socket.io clients. Loops are stopped by the sandbox
 * (its per-test limit); nothing here waits on a timer or measures time.
 */
const pack = miniPack();
const TS_OK = pack.questions.find((q) => q.id === "retry")!.coding!.referenceSolution.typescript!;
const TS_LOOP = "export async function callWithRetry(send: any) { while (true) {} }";
const LOOPING_PACK = readFileSync(new URL("../fixtures/upload/looping-references.yaml", import.meta.url), "utf8");

let server: TestServer;
let editor: string;
/** The app's clock for validation budgets: moved by the test, never by time passing. */
let time = 1_800_000_000_000;
beforeAll(async () => {
  // Three TypeScript workers: one address may hold a third of them (one).
  server = await startTestServer({
    packs: [pack],
    trustProxy: true,
    now: () => time,
    sandbox: { limits: { ...DEFAULT_LIMITS, perTestMs: 400 }, pythonPool: 1, typescriptWorkers: 3 },
  });
  editor = (await server.app.teams.create("Acme")).token;
});
afterAll(() => server.close());

async function codingSession(address: string): Promise<{ c: TestClient; sessionId: string }> {
  const c = await connectClient(server.url, { headers: { "x-forwarded-for": address } });
  const { sessionId } = await c.request("session:start", { packId: "mini", rounds: ["code"] });
  await c.waitFor("question:end");
  return { c, sessionId };
}
const waitsOf = (c: TestClient) => c.received.filter((e) => (e.name as string) === "code:waiting").map((e) => e.payload);

describe("one address's sessions share one slice of the sandbox pool", () => {
  it("three looping sessions from one address hold one worker; another address's run never waits", async () => {
    const attackers = await Promise.all([1, 2, 3].map(() => codingSession("203.0.113.7")));
    const observer = await codingSession("198.51.100.9");
    const loops = attackers.map(({ c, sessionId }) =>
      c.request("code:run", { sessionId, questionId: "retry", code: TS_LOOP, language: "typescript" }),
    );
    // Before the change the three loops took the three workers; now two of them wait for their address's turn.
    const waitingAttackers = () => attackers.filter(({ c }) => waitsOf(c).length > 0).length;
    let loopsOver = false;
    void Promise.all(loops).then(() => (loopsOver = true));
    while (waitingAttackers() < 2 && !loopsOver) await new Promise((r) => setImmediate(r));
    expect(waitingAttackers()).toBe(2);
    const good = await observer.c.request("code:run", {
      sessionId: observer.sessionId,
      questionId: "retry",
      code: TS_OK,
      language: "typescript",
    });
    expect(waitsOf(observer.c), "a free worker was there for the other address").toEqual([]);
    // The run got a worker at once: that is what this test is about. What the run then did depends on the host, not
    // on the pool: on a host loaded beyond the three loops (other test runs beside this one) it can be starved until
    // one of its wall budgets reaches its ceiling, while its code loads (the load's own limit, 400 ms here so the
    // loops end soon: reported as the test's error) or while its test runs (the run's budget: status "timeout"). The
    // wall-versus-CPU budget is a known gap (docs/sandbox.md, Session 14 record). What it must never be is a wait
    // for the other address's turn, and it must never be a wrong answer.
    expect(["ok", "timeout"]).toContain(good.report.status);
    const stoppedByTime = good.report.results.every((r: { error?: string }) =>
      [TEST_STOPPED_MESSAGE, `could not load the code: ${TEST_STOPPED_MESSAGE}`, RUN_STOPPED_MESSAGE].includes(r.error ?? ""),
    );
    if (!stoppedByTime) expect(good.report.passed, JSON.stringify(good.report)).toBe(1);
    const reports = await Promise.all(loops);
    for (const r of reports) expect(r.report.passed).toBe(0);
    expect(attackers.map(({ c }) => waitsOf(c).length).reduce((a, b) => a + b)).toBe(2);
    for (const { c } of [...attackers, observer]) c.close();
  });
});

describe("pack validation is background work", () => {
  const validate = () =>
    fetch(`${server.url}/api/teams/acme/packs/validate`, {
      method: "POST",
      headers: { authorization: `Bearer ${editor}`, "content-type": "application/yaml" },
      body: LOOPING_PACK,
    });

  it("a second validation for the same team is refused while the first runs; the first reports the looping solutions", async () => {
    // Two at once: whichever reaches the team's gate first holds it until its looping reference solutions are stopped,
    // and the other is refused. Which one wins depends on how fast each request's token check is (on PostgreSQL the
    // second sent can overtake the first), so the test asks for one of each, not for the first to win.
    const [a, b] = await Promise.all([validate(), validate()]);
    const refused = [a, b].filter((r) => r.status === 409);
    const ran = [a, b].filter((r) => r.status === 200);
    expect(refused).toHaveLength(1);
    expect(ran).toHaveLength(1);
    expect((await refused[0]!.json()).error.code).toBe("VALIDATION_IN_PROGRESS");
    const body = await ran[0]!.json();
    expect(body.valid).toBe(false);
    expect(body.issues.map((i: { code: string }) => i.code)).toEqual([
      "reference-solution-fails",
      "reference-solution-fails",
      "reference-solution-fails",
    ]);
    expect(body.issues[0].message).toMatch(/time limit/);
  });

  it("a validation past its time budget names the first question it could not check", async () => {
    const pending = validate();
    // Move the app's clock past the budget while the first reference solutions run (the sandbox stops their loops).
    while (server.app.sandbox?.queueStats().typescript?.busy === 0) await new Promise((r) => setImmediate(r));
    time += 61_000;
    const body = await (await pending).json();
    expect(body.valid).toBe(false);
    const late = body.issues.find((i: { code: string }) => i.code === "verification-time-exceeded");
    expect(late).toMatchObject({ path: "questions[2].coding.referenceSolution.typescript" });
    expect(late.message).toContain('question "loop2"');
    expect(late.message).toContain("60 s budget");
  });

  it("a pack with no coding question is validated while the team's looping validation runs (session 18 red-team F6)", async () => {
    const pending = validate();
    // The looping pack holds the team's gate once its reference solutions run.
    while (server.app.sandbox?.queueStats().typescript?.busy === 0) await new Promise((r) => setImmediate(r));
    const tiny = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
    const res = await fetch(`${server.url}/api/teams/acme/packs/validate`, {
      method: "POST",
      headers: { authorization: `Bearer ${editor}`, "content-type": "text/yaml" },
      body: tiny,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ valid: true });
    expect((await pending).status).toBe(200);
  });
});

describe("a validation whose client goes away", () => {
  // Loops the sandbox would stop only after ten minutes: what stops them here is the client leaving, or nothing.
  let patient: TestServer;
  let token: string;
  beforeAll(async () => {
    patient = await startTestServer({
      packs: [pack],
      sandbox: { limits: { ...DEFAULT_LIMITS, perTestMs: 600_000, cpuSeconds: 600 }, pythonPool: 1, typescriptWorkers: 2 },
    });
    token = (await patient.app.teams.create("Acme")).token;
  });
  afterAll(() => patient.close());
  const validate = (body: string, signal?: AbortSignal) =>
    fetch(`${patient.url}/api/teams/acme/packs/validate`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" },
      body,
      ...(signal ? { signal } : {}),
    });

  it("stops its running reference solutions, starts no more, and frees the team's turn (session 18 red-team F6)", async () => {
    const sandbox = patient.app.sandbox!;
    const real = sandbox.runTests;
    let started = 0;
    sandbox.runTests = (...args) => (started++, real(...args));
    try {
      const leaving = new AbortController();
      const pending = validate(LOOPING_PACK, leaving.signal).catch((err: Error) => err.name);
      const stats = () => sandbox.queueStats().typescript!;
      while (stats().busy === 0) await new Promise((r) => setImmediate(r));
      const startedBeforeLeaving = started;
      leaving.abort();
      expect(await pending).toBe("AbortError");
      // Before, the loops ran on to their ten-minute limit and this waited for them.
      while (stats().busy > 0 || stats().waiting > 0) await new Promise((r) => setImmediate(r));
      expect(started, "no reference solution or stub check started after the client left").toBe(startedBeforeLeaving);
      const wrong = readFileSync(new URL("../fixtures/upload/coding-wrong-reference.yaml", import.meta.url), "utf8");
      const again = await validate(wrong);
      expect(again.status, "the team's turn is free: not VALIDATION_IN_PROGRESS").toBe(200);
      expect((await again.json()).issues.map((i: { code: string }) => i.code)).toContain("reference-solution-fails");
    } finally {
      sandbox.runTests = real;
    }
  });

  it("a publish whose client goes away stops its runs, stores nothing, and frees the team's turn", async () => {
    const sandbox = patient.app.sandbox!;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/yaml" };
    const leaving = new AbortController();
    const pending = fetch(`${patient.url}/api/teams/acme/packs`, {
      method: "POST",
      headers,
      body: LOOPING_PACK,
      signal: leaving.signal,
    }).catch((err: Error) => err.name);
    const stats = () => sandbox.queueStats().typescript!;
    while (stats().busy === 0) await new Promise((r) => setImmediate(r));
    leaving.abort();
    expect(await pending).toBe("AbortError");
    // Loops with ten-minute limits: only the client leaving ends them.
    while (stats().busy > 0 || stats().waiting > 0) await new Promise((r) => setImmediate(r));
    const listed = await fetch(`${patient.url}/api/teams/acme/packs`, { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.stringify(await listed.json())).not.toContain("loopers");
    const wrong = readFileSync(new URL("../fixtures/upload/coding-wrong-reference.yaml", import.meta.url), "utf8");
    const again = await fetch(`${patient.url}/api/teams/acme/packs/validate`, { method: "POST", headers, body: wrong });
    expect(again.status, "the team's turn is free: not VALIDATION_IN_PROGRESS").toBe(200);
  });
});
