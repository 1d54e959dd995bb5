import { z } from "zod";
import { QuestionId, SessionId } from "./ids.js";

/**
 * "code:waiting": sent only to the socket whose code:run has to wait for a free
 * sandbox (runs queue round-robin between candidates). Transient: not part of
 * the session's numbered event stream, never replayed.
 */
export const CodeWaitingEventSchema = z.object({
  sessionId: SessionId,
  questionId: QuestionId,
  /** Runs queued before this one when it started waiting. */
  ahead: z.number().int().nonnegative(),
});
export type CodeWaitingEvent = z.infer<typeof CodeWaitingEventSchema>;
export type TransientServerEvents = { "code:waiting": (event: CodeWaitingEvent) => void };
