import type { QuestionInfo } from "../contracts/index.js";
import type { TurnMeta } from "../llm/index.js";
import type { InterviewDeps } from "./deps.js";

/** Stream one question to the candidate: start, deltas, end with the full text; returns the text and the turn's meta. */
export async function streamTurn(
  deps: InterviewDeps,
  sessionId: string,
  info: QuestionInfo,
  chunks: AsyncGenerator<string, TurnMeta>,
): Promise<{ text: string; meta: TurnMeta }> {
  await deps.emit(sessionId, "question:start", info, `question:start:${info.questionId}`);
  let text = "";
  let meta: TurnMeta = {};
  let n = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      meta = next.value ?? {};
      break;
    }
    if (!next.value) continue;
    text += next.value;
    await deps.emit(sessionId, "question:delta", { questionId: info.questionId, text: next.value }, `question:delta:${info.questionId}:${n++}`);
  }
  // The end text is exactly the deltas joined, so a streaming client and a late one agree.
  await deps.emit(sessionId, "question:end", { questionId: info.questionId, text }, `question:end:${info.questionId}`);
  return { text, meta };
}
