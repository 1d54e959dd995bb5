// Server time from answer:submit to the first byte of the next question, and a draft's ack, over a
// real socket: offline, and with the model interviewer streaming from a local OpenAI-compatible server.
// Two clocks: the client's round trip, and the server side (recordServerSide: from the packet decoded
// to the answer written, inside the server). Each is also given as a multiple of a bare socket.io
// echo round trip measured in the same run. Sessions are sat one after another, after a few uncounted
// ones that warm the server up.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../server/app.js";
import type { ModelConfig } from "../../server/llm/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { startFakeOpenAI } from "../../test/helpers/fake-openai.js";
import { echoRoundTrip } from "./echo.js";
import { recordServerSide } from "./server-side.js";
import { sitSessions } from "./sit-sessions.js";
import { printRow, summarise } from "./stats.js";

/** Sessions sat before measuring, not counted. */
const WARM_UP_SESSIONS = 10;

type Baseline = { median: number; p95: number; p99: number };
const ratio = (s: Baseline, base: Baseline) =>
  `= ${(s.median / base.median).toFixed(1)}× / ${(s.p99 / base.p99).toFixed(1)}× a bare echo (median / p99)`;

async function measure(label: string, model: ModelConfig | null, sessions: number, echo: Baseline): Promise<void> {
  const app = await createApp({
    databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-")), "bench.db"),
    builtinPacks: loadPacksFromDir("scenarios"),
    sandbox: null,
    model,
    // Each simulated candidate comes from its own address (sitSessions), as on a real deployment.
    trustProxy: true,
  });
  await app.startRecovery();
  const server = recordServerSide(app.io);
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  // A server that has been up a while: the first sessions compile code paths and build the pack's grading index.
  await sitSessions(url, WARM_UP_SESSIONS, true, 60_000);
  server.drafts.length = server.submits.length = 0;
  const { drafts, firstByte, whole, nextQuestion } = await sitSessions(url, sessions, true, WARM_UP_SESSIONS);
  const row = (what: string, samples: number[]) => printRow(`${label}: ${what}`, summarise(samples), ratio(summarise(samples), echo));
  row("draft ack (round trip)", drafts);
  row("draft ack (server side)", server.drafts);
  row("submit → first byte of the follow-up", firstByte);
  row("the same, server side", server.submits[0] ?? []);
  printRow(`${label}: submit → the follow-up's question:end`, summarise(whole));
  row("answer to it → first byte of next question", nextQuestion);
  row("the same, server side", server.submits[1] ?? []);
  await app.close();
}

export async function benchInterview(sessions = 150): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (2 cores shared: read the ratios)`,
  );
  const echo = await echoRoundTrip();
  printRow("baseline: bare socket.io echo round trip", echo);
  await measure("offline", null, sessions, echo);
  const pieces = "That's a good start. How would you know the new retriever is better before you roll it out?".split(/(?<= )/);
  const fake = await startFakeOpenAI((req) => (req.stream ? { stream: pieces } : { content: JSON.stringify({ criteria: [] }) }));
  await measure(
    "model (local fake server)",
    {
      apiKey: "bench",
      baseURL: fake.baseURL,
      judgeModel: "bench-judge",
      labModel: "bench-judge",
      interviewerModel: "bench-interviewer",
      timeoutMs: 10_000,
      tokenBudget: 1_000_000,
    },
    Math.min(sessions, 50),
    echo,
  );
  await fake.close();
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}
