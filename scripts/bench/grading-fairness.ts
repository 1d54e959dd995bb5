// Another candidate's follow-up while one candidate floods the grading thread with long answers.
// The flooder submits 20,000-character answers as fast as the server takes them (every question and
// follow-up, session after session); every reading of an answer (the follow-up decision, the follow-up's
// reading, the grade) runs in the one grading thread. Measured: honest sessions' submit → first byte of
// their follow-up (the follow-up decision reads their answer in that thread), without and with the flood.
//   npx tsx scripts/bench/grading-fairness.ts        (BENCH_FLOODERS=1, BENCH_HONEST_SESSIONS=20)
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { createApp } from "../../server/app.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { longAnswer } from "../../test/helpers/long-answer.js";
import { sitSessions } from "./sit-sessions.js";
import { printRow, summarise } from "./stats.js";

/** One flooding candidate: answers every question and follow-up with `chars` characters, session after session, until stopped. */
function flood(url: string, address: string, chars: number): { stop(): void; submits(): number } {
  let stopped = false;
  let submits = 0;
  let socket: Socket | null = null;
  const run = async () => {
    while (!stopped) {
      socket = io(url, { transports: ["websocket"], forceNew: true, extraHeaders: { "x-forwarded-for": address } });
      const s = socket;
      const call = async (e: string, p: unknown) => (await s.timeout(60_000).emitWithAck(e, p)) as { ok: boolean; data?: any };
      const done = new Promise<void>((resolve) => {
        s.on("session:complete", () => resolve());
        s.on("disconnect", () => resolve());
      });
      // The first question may arrive before the start's ack is read: answer it once the session id is known.
      let sessionId = "";
      let early: string | null = null;
      const answer = (questionId: string) => {
        if (stopped) return;
        submits++;
        call("answer:submit", { sessionId, questionId, submissionId: randomUUID(), text: longAnswer(chars, submits) }).catch(
          () => undefined,
        );
      };
      s.on("question:end", (q: { questionId: string }) => (sessionId ? answer(q.questionId) : (early = q.questionId)));
      const started = await call("session:start", { packId: "ai-engineer", rounds: ["system-design", "behavioural"], mode: "timed" }).catch(
        () => ({ ok: false }) as const,
      );
      if (!started.ok || !("data" in started)) break;
      sessionId = started.data.sessionId;
      if (early) answer(early);
      await done;
      s.close();
    }
  };
  void run();
  return {
    stop: () => {
      stopped = true;
      socket?.close();
    },
    submits: () => submits,
  };
}

/** One session answered up to its follow-up, with no time limit on the acks. */
async function warm(url: string): Promise<void> {
  const s = io(url, { transports: ["websocket"], forceNew: true, extraHeaders: { "x-forwarded-for": "10.9.9.9" } });
  const call = async (e: string, p: unknown) => (await s.timeout(300_000).emitWithAck(e, p)) as { data: any };
  let next = new Promise<string>((r) => s.once("question:end", (q: { questionId: string }) => r(q.questionId)));
  const { sessionId } = (await call("session:start", { packId: "ai-engineer", rounds: ["system-design"], mode: "timed" })).data;
  const questionId = await next;
  next = new Promise<string>((r) => s.once("question:end", (q: { questionId: string }) => r(q.questionId)));
  await call("answer:submit", { sessionId, questionId, submissionId: randomUUID(), text: "RAG with embeddings and a vector index." });
  await next;
  s.close();
}

export async function benchGradingFairness(options: { flooders?: number; honest?: number; chars?: number } = {}): Promise<void> {
  const flooders = options.flooders ?? Number(process.env.BENCH_FLOODERS ?? 1);
  const honest = options.honest ?? Number(process.env.BENCH_HONEST_SESSIONS ?? 20);
  const chars = options.chars ?? 20_000;
  const app = await createApp({
    databaseFile: join(mkdtempSync(join(tmpdir(), "mi-bench-")), "bench.db"),
    builtinPacks: loadPacksFromDir("scenarios"),
    sandbox: null,
    model: null,
    trustProxy: true,
  });
  await app.startRecovery();
  await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  // Warm: the pack's grading index and the language model load on the first answers (slow on a loaded machine).
  await warm(url);
  await sitSessions(url, 3, true, 500);
  const quiet = await sitSessions(url, honest, true, 0);
  printRow("honest submit → follow-up, no flood", summarise(quiet.firstByte));
  const floods = Array.from({ length: flooders }, () => flood(url, "10.9.0.1", chars));
  // Let the flood fill the queues first.
  await new Promise((r) => setTimeout(r, 3_000));
  const during = await sitSessions(url, honest, true, 100);
  const sent = floods.reduce((n, f) => n + f.submits(), 0);
  floods.forEach((f) => f.stop());
  printRow(
    `honest submit → follow-up, ${flooders} session(s) flooding`,
    summarise(during.firstByte),
    `${sent} answers of ${chars} chars flooded`,
  );
  printRow("honest follow-up answer → next question, flood", summarise(during.nextQuestion));
  await app.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchGradingFairness();
