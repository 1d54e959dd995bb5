// Server time from answer:submit to the next question, over a real socket, offline interviewer.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import { createApp } from "../../server/app.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { printRow, summarise } from "./stats.js";

export async function benchInterview(sessions = 30): Promise<void> {
  const app = await createApp({ databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-")), "bench.db"), builtinPacks: loadPacksFromDir("scenarios"), sandbox: null });
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const socket = io(url, { transports: ["websocket"] });
  const call = (e: string, p: unknown) => socket.timeout(10_000).emitWithAck(e, p) as Promise<{ ok: boolean; data: any }>;
  const firstByte: number[] = [];
  const startToQuestion: number[] = [];
  for (let s = 0; s < sessions; s++) {
    let resolveNext: (id: string) => void = () => undefined;
    socket.removeAllListeners("question:start");
    socket.on("question:start", (q: { questionId: string }) => resolveNext(q.questionId));
    let t = performance.now();
    let next = new Promise<string>((r) => (resolveNext = r));
    const { data } = await call("session:start", { packId: "ai-engineer", rounds: ["behavioural", "system-design"], mode: "timed" });
    let questionId = await next;
    startToQuestion.push(performance.now() - t);
    // A short answer leaves criteria unmet: the next thing asked may be a follow-up or the next question.
    next = new Promise<string>((r) => (resolveNext = r));
    t = performance.now();
    await call("answer:submit", { sessionId: data.sessionId, questionId, submissionId: randomUUID(), text: "We were launching a bot; I rolled it back and we measured complaints going down." });
    questionId = await next;
    firstByte.push(performance.now() - t);
  }
  printRow("session:start to first question:start", summarise(startToQuestion));
  printRow("answer:submit to next question:start (offline)", summarise(firstByte), "incl. grading + SQLite checkpoint");
  socket.close();
  await app.close();
}
