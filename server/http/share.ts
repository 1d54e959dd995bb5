import { Router } from "express";
import { ShareTokenSchema } from "../contracts/index.js";
import type { History } from "../history/index.js";
import type { InterviewService } from "../interview/index.js";
import { describeZodError } from "../realtime/acks.js";
import { sendError } from "./errors.js";
import { sessionProofOf } from "./resume-token.js";

/** Create and revoke share links (resume token required): mounted at /api/sessions. */
export function shareLinksRouter(deps: { service: InterviewService; history: History }): Router {
  const router = Router();
  router.post("/:sessionId/share", async (req, res) => {
    const proof = sessionProofOf(req);
    if (!proof.success) return sendError(res, "BAD_PAYLOAD", describeZodError(proof.error));
    await deps.service.authorize(proof.data.sessionId, proof.data.token);
    res.status(201).json(await deps.history.share(proof.data.sessionId));
  });
  router.delete("/:sessionId/share", async (req, res) => {
    const proof = sessionProofOf(req);
    if (!proof.success) return sendError(res, "BAD_PAYLOAD", describeZodError(proof.error));
    await deps.service.authorize(proof.data.sessionId, proof.data.token);
    res.json(await deps.history.revokeShares(proof.data.sessionId));
  });
  return router;
}

/** GET /api/shared/:token: the read-only report a live share link opens. */
export function sharedReportRouter(history: History): Router {
  const router = Router();
  router.get("/:token", async (req, res) => {
    const token = ShareTokenSchema.safeParse(req.params.token);
    if (!token.success) return sendError(res, "BAD_PAYLOAD", `token: ${describeZodError(token.error)}`);
    res.set("Cache-Control", "no-store");
    res.json(await history.shared(token.data));
  });
  return router;
}
