import type { QuestionInfo } from "../contracts/index.js";
import type { InterviewDeps } from "./deps.js";

/** Stream one question to the candidate: start, deltas, end with the full text. */
export async function streamTurn(
  deps: InterviewDeps,
  sessionId: string,
  info: QuestionInfo,
  chunks: AsyncIterable<string>,
): Promise<string> {
  await deps.emit(sessionId, "question:start", info);
  let text = "";
  for await (const chunk of chunks) {
    if (!chunk) continue;
    text += chunk;
    await deps.emit(sessionId, "question:delta", { questionId: info.questionId, text: chunk });
  }
  // The end text is exactly the deltas joined, so a streaming client and a late one agree.
  await deps.emit(sessionId, "question:end", { questionId: info.questionId, text });
  return text;
}
