// Server time from answer:submit to the first byte of the next question, and a draft's ack, over a
// real socket: offline, and with the model interviewer streaming from a local OpenAI-compatible server.
// Each is also given as a multiple of a bare socket.io echo round trip measured in the same run.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../server/app.js";
import type { ModelConfig } from "../../server/llm/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { startFakeOpenAI } from "../../test/helpers/fake-openai.js";
import { echoRoundTrip } from "./echo.js";
import { sitSessions } from "./sit-sessions.js";
import { printRow, summarise } from "./stats.js";

type Baseline = { median: number; p95: number };
const ratio = (s: { median: number; p95: number }, base: Baseline) =>
  `= ${(s.median / base.median).toFixed(1)}× / ${(s.p95 / base.p95).toFixed(1)}× a bare echo`;

async function measure(label: string, model: ModelConfig | null, sessions: number, echo: Baseline): Promise<void> {
  const app = await createApp({
    databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-")), "bench.db"),
    builtinPacks: loadPacksFromDir("scenarios"),
    sandbox: null,
    model,
  });
  await app.startRecovery();
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const { drafts, firstByte, whole } = await sitSessions(url, sessions);
  printRow(`${label}: draft ack (round trip)`, summarise(drafts), ratio(summarise(drafts), echo));
  printRow(`${label}: submit → first byte of next question`, summarise(firstByte), ratio(summarise(firstByte), echo));
  printRow(`${label}: submit → question:end`, summarise(whole));
  await app.close();
}

export async function benchInterview(sessions = 30): Promise<void> {
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
    sessions,
    echo,
  );
  await fake.close();
}
