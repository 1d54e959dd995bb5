// Server CPU per operation, the figure that does not depend on how busy the machine is: the server
// runs in its own process (as for bench:load) and one client drives it one call at a time; CPU is read
// from /proc for the whole process (grading threads included) and for its main thread (the event loop).
// Each submit's step: the answered question's follow-up, or grading it and asking the next one.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { startLoadServer, type LoadServer } from "./load-server-process.js";

type Client = { socket: Socket; sessionId: string; questionId: string; arm(): Promise<string | null> };

async function open(url: string, i: number): Promise<Client> {
  const socket = io(url, { transports: ["websocket"], forceNew: true, extraHeaders: { "x-forwarded-for": `10.1.${i >> 8}.${i & 255}` } });
  await new Promise<void>((r) => socket.once("connect", () => r()));
  let onQuestion: (id: string | null) => void = () => undefined;
  socket.on("question:start", (q: { questionId: string }) => onQuestion(q.questionId));
  socket.on("session:complete", () => onQuestion(null));
  return { socket, sessionId: "", questionId: "", arm: () => new Promise((r) => (onQuestion = r)) };
}

async function call(c: Client, event: string, payload: unknown): Promise<any> {
  const ack = (await c.socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; data?: any; error?: { message: string } };
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error?.message}`);
  return ack.data;
}

const ROUNDS = ["system-design", "prompt-debugging", "behavioural"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Prints "what: N ops, server CPU x ms/op (main thread y ms/op)". */
async function measure(server: LoadServer, label: string, n: number, fn: () => Promise<void>): Promise<void> {
  await sleep(300); // let background work (grading) of the previous phase finish
  const all = server.cpuMs();
  const main = server.mainThreadCpuMs();
  await fn();
  await sleep(300);
  console.log(
    `${label.padEnd(46)} server CPU ${((server.cpuMs() - all) / n).toFixed(2).padStart(6)} ms/op, main thread ${((server.mainThreadCpuMs() - main) / n).toFixed(2).padStart(6)} ms/op   n=${n}`,
  );
}

export async function benchStepCpu(sessions = 40): Promise<void> {
  const server = await startLoadServer();
  try {
    // Warm up: first sessions load the grader's model and compile code paths.
    for (let i = 0; i < 5; i++) {
      const c = await open(server.url, 1000 + i);
      const asked = c.arm();
      c.sessionId = (await call(c, "session:start", { packId: "ai-engineer", rounds: ROUNDS, mode: "timed" })).sessionId;
      let q = await asked;
      while (q) {
        const next = c.arm();
        await call(c, "answer:submit", { sessionId: c.sessionId, questionId: q, submissionId: randomUUID(), text: "We would use RAG." });
        q = await next;
      }
      c.socket.close();
    }
    const clients: Client[] = [];
    await measure(server, "connect", sessions, async () => {
      for (let i = 0; i < sessions; i++) clients.push(await open(server.url, i));
    });
    await measure(server, "session:start → first question streamed", sessions, async () => {
      for (const c of clients) {
        const asked = c.arm();
        c.sessionId = (await call(c, "session:start", { packId: "ai-engineer", rounds: ROUNDS, mode: "timed" })).sessionId;
        c.questionId = (await asked)!;
      }
    });
    await measure(server, "answer:draft (2 KB)", sessions * 10, async () => {
      for (let k = 0; k < 10; k++)
        for (const c of clients)
          await call(c, "answer:draft", {
            sessionId: c.sessionId,
            questionId: c.questionId,
            text: `Draft ${k}: we would use RAG. `.repeat(70),
          });
    });
    // Partial answers: each question gets a follow-up, then the next question (grading runs after it).
    const labels = ["→ follow-up", "→ next round's question (+ grading)"];
    for (let step = 0; step < 6; step++) {
      const last = step === 5;
      await measure(server, `answer:submit ${last ? "→ report (+ grading)" : labels[step % 2]}`, clients.length, async () => {
        for (const c of clients) {
          const next = c.arm();
          await call(c, "answer:submit", {
            sessionId: c.sessionId,
            questionId: c.questionId,
            submissionId: randomUUID(),
            text: "We would use RAG over the help centre with embeddings and a vector index.",
          });
          c.questionId = (await Promise.race([next, sleep(last ? 10_000 : 30_000).then(() => null)])) ?? "";
        }
      });
    }
    for (const c of clients) c.socket.close();
  } finally {
    await server.stop();
  }
}

if (import.meta.url === new URL(process.argv[1] ?? "", "file://").href) {
  await benchStepCpu(Number(process.env.BENCH_STEP_SESSIONS ?? 40));
  process.exit(0);
}
