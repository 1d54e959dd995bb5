import type { QuestionInfo } from "../contracts/index.js";
import type { TurnMeta } from "../llm/index.js";
import type { InterviewDeps } from "./deps.js";

/** Chunks that arrive within this long of each other go out as one delta. */
const COALESCE_MS = 25;

/**
 * Stream one question to the candidate: start, deltas, end with the full text; returns the text and the turn's meta.
 * The first chunk goes out at once (the candidate sees the question begin); chunks that are
 * already there (the offline interviewer has the whole text) or arrive within a few ms are
 * sent together: each delta is a stored event, and a question of 60 one-line deltas cost 60 writes.
 */
export async function streamTurn(
  deps: InterviewDeps,
  sessionId: string,
  info: QuestionInfo,
  chunks: AsyncGenerator<string, TurnMeta>,
): Promise<{ text: string; meta: TurnMeta }> {
  await deps.emit(sessionId, "question:start", info, `question:start:${info.questionId}`);
  let text = "";
  let meta: TurnMeta;
  let n = 0;
  let pending = "";
  const flush = async () => {
    if (!pending) return;
    const piece = pending;
    pending = "";
    await deps.emit(sessionId, "question:delta", { questionId: info.questionId, text: piece }, `question:delta:${info.questionId}:${n++}`);
  };
  let next = chunks.next();
  for (;;) {
    // Wait for the next chunk only briefly while something is pending: a slow model still streams.
    const step = pending ? await Promise.race([next, delay(COALESCE_MS)]) : await next;
    if (step === TIMEOUT) {
      await flush();
      continue;
    }
    if (step.done) {
      meta = step.value ?? {};
      break;
    }
    next = chunks.next();
    if (!step.value) continue;
    text += step.value;
    pending += step.value;
    if (n === 0) await flush();
  }
  await flush();
  // The end text is exactly the deltas joined, so a streaming client and a late one agree.
  await deps.emit(sessionId, "question:end", { questionId: info.questionId, text }, `question:end:${info.questionId}`);
  return { text, meta };
}

const TIMEOUT = Symbol("timeout");
function delay(ms: number): Promise<typeof TIMEOUT> {
  return new Promise((r) => setTimeout(() => r(TIMEOUT), ms).unref());
}
