// What `npm run bench` and `bench:pg` both time over a real socket: per session, five draft acks, then
// a partial answer's submit until the first byte of the follow-up (and until its question:end), then the
// answer to the follow-up until the first byte of the next main question (its grading is queued on the way).
import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";

export type SessionTimings = { drafts: number[]; firstByte: number[]; whole: number[]; nextQuestion: number[] };

/**
 * One connection per session, as each candidate has their own (the server caps new sessions per
 * connection). `ownAddresses`: each from its own X-Forwarded-For address, for a server that trusts the
 * proxy header (the cap on new sessions per address would otherwise refuse more than a classroom's worth),
 * numbered from `firstAddress`.
 */
export async function sitSessions(url: string, sessions: number, ownAddresses = false, firstAddress = 0): Promise<SessionTimings> {
  const timings: SessionTimings = { drafts: [], firstByte: [], whole: [], nextQuestion: [] };
  for (let s = 0; s < sessions; s++) {
    const a = firstAddress + s;
    const headers = ownAddresses ? { extraHeaders: { "x-forwarded-for": `10.2.${a >> 8}.${a & 255}` } } : {};
    const socket = io(url, { transports: ["websocket"], ...headers });
    const call = async (e: string, p: unknown) => {
      const ack = (await socket.timeout(10_000).emitWithAck(e, p)) as { ok: boolean; data?: any; error?: { message: string } };
      if (!ack.ok) throw new Error(`${e} refused: ${ack.error?.message}`);
      return ack.data;
    };
    let onDelta: () => void = () => undefined;
    let onEnd: (id: string) => void = () => undefined;
    socket.on("question:delta", () => onDelta());
    socket.on("question:end", (q: { questionId: string }) => onEnd(q.questionId));
    let ended = new Promise<string>((r) => (onEnd = r));
    const { sessionId } = await call("session:start", { packId: "ai-engineer", rounds: ["system-design", "behavioural"], mode: "timed" });
    const questionId = await ended;
    for (let d = 0; d < 5; d++) {
      const t = performance.now();
      await call("answer:draft", { sessionId, questionId, text: `We would use RAG over the help centre (draft ${d}).` });
      timings.drafts.push(performance.now() - t);
    }
    ended = new Promise<string>((r) => (onEnd = r));
    const delta = new Promise<void>((r) => (onDelta = r));
    const t = performance.now();
    // A partial answer: the interviewer asks a follow-up (the model's, when configured).
    const submitted = call("answer:submit", {
      sessionId,
      questionId,
      submissionId: randomUUID(),
      text: "We would use RAG over the help centre with embeddings and a vector index, and stream answers.",
    });
    await delta;
    timings.firstByte.push(performance.now() - t);
    const followUpId = await ended;
    timings.whole.push(performance.now() - t);
    await submitted;
    // The follow-up takes one answer (maxFollowUps 1): the question is done, graded in the background, and the next one asked.
    ended = new Promise<string>((r) => (onEnd = r));
    const nextDelta = new Promise<void>((r) => (onDelta = r));
    const t2 = performance.now();
    const answered = call("answer:submit", {
      sessionId,
      questionId: followUpId,
      submissionId: randomUUID(),
      text: "Offline first: a labelled set of real tickets, recall at k and answer accuracy, then a shadow run before the switch.",
    });
    await nextDelta;
    timings.nextQuestion.push(performance.now() - t2);
    const nextId = await ended;
    if (nextId.includes("~f")) throw new Error(`expected the next main question after the follow-up, got "${nextId}"`);
    await answered;
    socket.close();
  }
  return timings;
}
