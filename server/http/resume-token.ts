import type { Request } from "express";
import { z } from "zod";
import { MAX_RESUME_TOKEN, SessionId } from "../contracts/index.js";

/** A session id from the path plus its resume token from X-Resume-Token (or a bearer header). */
export const SessionProofRequest = z.object({
  sessionId: SessionId,
  token: z
    .string({ message: "send the session's resume token in the X-Resume-Token header" })
    .min(16, "resume token is too short")
    .max(MAX_RESUME_TOKEN, "resume token is too long"),
});

export function sessionProofOf(req: Request) {
  const bearer = req.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  return SessionProofRequest.safeParse({ sessionId: req.params.sessionId, token: req.get("x-resume-token") ?? bearer });
}
