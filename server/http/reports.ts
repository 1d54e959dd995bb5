import { Router } from "express";
import { z } from "zod";
import { SessionId } from "../contracts/index.js";
import type { InterviewService } from "../interview/index.js";
import { describeZodError } from "../realtime/acks.js";
import { sendError } from "./errors.js";

const ReportRequest = z.object({
  sessionId: SessionId,
  token: z.string({ message: "send the session's resume token in the X-Resume-Token header" }).min(16, "resume token is too short"),
});

/** A session's report, readable by whoever holds its resume token. */
export function reportsRouter(service: InterviewService): Router {
  const router = Router();
  router.get("/:sessionId/report", async (req, res) => {
    const bearer = req.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    const parsed = ReportRequest.safeParse({ sessionId: req.params.sessionId, token: req.get("x-resume-token") ?? bearer });
    if (!parsed.success) return sendError(res, "BAD_PAYLOAD", describeZodError(parsed.error));
    res.json(await service.report(parsed.data.sessionId, parsed.data.token));
  });
  return router;
}
