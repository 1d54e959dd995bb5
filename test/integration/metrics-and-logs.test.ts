import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { fakeModelConfig, startFakeOpenAI, type ChatRequest } from "../helpers/fake-openai.js";
import { manualClock } from "../helpers/manual-clock.js";
import { miniPackWithRoundSeconds } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** Prometheus text as { 'name{labels}': value }, labels as written (sorted by prom-client). */
async function scrape(url: string, token?: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/api/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const values = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return values;
}
const sumOf = (m: Map<string, number>, name: string, labels: Record<string, string> = {}) =>
  [...m.entries()]
    .filter(([k]) => (k === name || k.startsWith(`${name}{`)) && Object.entries(labels).every(([l, v]) => k.includes(`${l}="${v}"`)))
    .reduce((n, [, v]) => n + v, 0);
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const FOLLOW_UP = ["How ", "would ", "you ", "test ", "it?"];
const reply = (req: ChatRequest) =>
  req.stream
    ? { stream: FOLLOW_UP }
    : { content: JSON.stringify({ criteria: [{ criterionId: "retrieval", score: 3, rationale: "ok", quote: "" }] }) };

async function observedServer(extra: { metricsToken?: string } = {}) {
  const fake = await startFakeOpenAI(reply);
  closers.push(fake.close);
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n")) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  const clock = manualClock();
  const pack = miniPackWithRoundSeconds(120);
  const server = await startTestServer({
    packs: [pack],
    clock,
    sandbox: { limits: DEFAULT_LIMITS, pythonPool: 0, typescriptWorkers: 1 },
    logger: pino({ level: "debug" }, sink),
    model: fakeModelConfig(fake.baseURL),
    ...extra,
  });
  closers.push(server.close);
  return { server, clock, lines, pack };
}
async function client(server: TestServer): Promise<TestClient> {
  const c = await connectClient(server.url);
  closers.push(c.close);
  return c;
}

describe("/api/metrics and structured logs", () => {
  it("counts acks, sessions, model calls and tokens, sandbox runs, grading and the round deadline of a real interview", async () => {
    const { server, clock, lines, pack } = await observedServer();
    const before = await scrape(server.url);
    expect(sumOf(before, "interview_socket_acks_total")).toBe(0);
    expect(sumOf(before, "interview_sessions_active")).toBe(0);

    const c = await client(server);
    const { sessionId } = await c.request("session:start", { packId: "mini", rounds: ["design", "code"] });
    const q1 = await c.waitFor("question:end", (p) => p.questionId === "rag-basics");
    await c.request("answer:draft", { sessionId, questionId: "rag-basics", text: "draft" });
    expect((await c.send("answer:draft", { sessionId, questionId: "rag-basics", text: 42 })).ok).toBe(false);
    await c.request("answer:submit", {
      sessionId,
      questionId: "rag-basics",
      submissionId: randomUUID(),
      text: "I would chunk the articles and embed them, then answer from the top five chunks.",
    });
    // The model interviewer streams a follow-up; then the design round's deadline passes.
    const followUp = await c.waitFor("question:end", (p) => p.questionId === "rag-basics~f1", { afterSeq: q1.payload.seq });
    clock.advance(120_000);
    const code = await c.waitFor("question:end", (p) => p.questionId === "retry", { afterSeq: followUp.payload.seq });
    const ts = pack.questions.find((q) => q.id === "retry")!.coding!.referenceSolution.typescript!;
    await c.request("code:run", { sessionId, questionId: "retry", code: ts, language: "typescript" });

    const during = await scrape(server.url);
    expect(sumOf(during, "interview_sessions_active")).toBe(1);
    expect(sumOf(during, "interview_socket_acks_total", { event: "session:start", outcome: "ok" })).toBe(1);
    expect(sumOf(during, "interview_socket_acks_total", { event: "answer:draft", outcome: "ok" })).toBe(1);
    expect(sumOf(during, "interview_socket_acks_total", { event: "answer:draft", outcome: "BAD_PAYLOAD" })).toBe(1);
    expect(sumOf(during, "interview_socket_acks_total", { event: "answer:submit", outcome: "ok" })).toBe(1);
    expect(sumOf(during, "interview_socket_ack_seconds_count", { event: "answer:submit", outcome: "ok" })).toBe(1);
    expect(sumOf(during, "interview_socket_ack_seconds_bucket", { event: "answer:submit", outcome: "ok", le: "+Inf" })).toBe(1);
    expect(sumOf(during, "interview_socket_connections")).toBe(1);
    expect(sumOf(during, "interview_round_timer_lag_seconds_count")).toBe(1);
    expect(sumOf(during, "interview_round_timeouts_total")).toBe(1);
    expect(sumOf(during, "interview_sandbox_run_seconds_count", { language: "typescript", scope: "visible", outcome: "passed" })).toBe(1);
    expect(sumOf(during, "interview_sandbox_queue_depth", { language: "typescript" })).toBe(0);
    expect(during.has('interview_sandbox_busy_slots{language="typescript"}')).toBe(true);
    // The follow-up's call: streamed, with usage (10 in, one token per chunk out), priced at MODEL_PRICES.
    expect(sumOf(during, "interview_model_calls_total", { model: "interviewer-m", outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(sumOf(during, "interview_model_tokens_total", { model: "interviewer-m", kind: "output" })).toBeGreaterThanOrEqual(
      FOLLOW_UP.length,
    );
    expect(sumOf(during, "interview_model_cost_usd_total", { model: "interviewer-m" })).toBeGreaterThan(0);
    expect(sumOf(during, "interview_process_cpu_seconds_total")).toBeGreaterThan(0);

    await c.request("answer:submit", { sessionId, questionId: "retry", submissionId: randomUUID(), code: ts, language: "typescript" });
    // A coding follow-up may come; ending there grades its draft and completes the session.
    const next = await Promise.race([
      c.waitFor("session:complete", () => true, { afterSeq: code.payload.seq }),
      c.waitFor("question:end", () => true, { afterSeq: code.payload.seq }),
    ]);
    if (next.name === "question:end") await c.request("session:end", { sessionId });
    await c.waitFor("session:complete", () => true, { afterSeq: code.payload.seq });
    await eventually(async () => sumOf(await scrape(server.url), "interview_grading_seconds_count", { outcome: "ok" }) >= 2, "grading");
    const after = await scrape(server.url);
    expect(sumOf(after, "interview_sessions_active")).toBe(0);
    expect(sumOf(after, "interview_sandbox_run_seconds_count", { language: "typescript", scope: "all" })).toBeGreaterThanOrEqual(1);
    expect(sumOf(after, "interview_model_calls_total", { model: "judge-m", outcome: "ok" })).toBeGreaterThanOrEqual(1);

    // Log lines about a socket event carry its request id, the session and the instance.
    const submitAck = lines.find((l) => l.msg === "ack" && l.event === "answer:submit");
    expect(submitAck).toMatchObject({ sessionId, outcome: "ok", instance: expect.any(String), requestId: expect.any(String) });
    const acks = lines.filter((l) => l.msg === "ack");
    expect(new Set(acks.map((l) => l.requestId)).size).toBe(acks.length);
    expect(lines.find((l) => l.msg === "round timed out")).toMatchObject({ sessionId });
    // HTTP requests too: the id is answered in X-Request-Id and found in the log.
    const res = await fetch(`${server.url}/api/packs`, { headers: { "x-request-id": "lb-1234" } });
    expect(res.headers.get("x-request-id")).toBe("lb-1234");
    await eventually(async () => lines.some((l) => l.msg === "request" && l.requestId === "lb-1234" && l.status === 200), "request log");
    const own = await fetch(`${server.url}/api/packs`, { headers: { "x-request-id": "not a plain id; <script>" } });
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("each app counts only its own; a metrics token is required when configured", async () => {
    const token = "metrics-token-0123456789";
    const one = await observedServer({ metricsToken: token });
    const two = await observedServer();
    const c = await client(one.server);
    await c.request("session:start", { packId: "mini", rounds: ["design"] });
    expect(sumOf(await scrape(one.server.url, token), "interview_socket_acks_total", { event: "session:start" })).toBe(1);
    expect(sumOf(await scrape(two.server.url), "interview_socket_acks_total", { event: "session:start" })).toBe(0);
    const refused = await fetch(`${one.server.url}/api/metrics`, { headers: { authorization: "Bearer wrong" } });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("UNAUTHORIZED");
    expect((await fetch(`${one.server.url}/api/metrics`)).status).toBe(401);
  });
});
