import { Router } from "express";
import { routes } from "../contracts/index.js";
import type { History } from "../history/index.js";
import type { InterviewService } from "../interview/index.js";
import { serve } from "./serve.js";

/** Create and revoke share links (resume token required): mounted at /api/sessions. */
export function shareLinksRouter(deps: { service: InterviewService; history: History }): Router {
  const router = Router();
  serve(router, "/api/sessions", routes.createShare, async ({ params, resumeToken }) => {
    await deps.service.authorize(params.sessionId, resumeToken);
    return deps.history.share(params.sessionId);
  });
  serve(router, "/api/sessions", routes.revokeShares, async ({ params, resumeToken }) => {
    await deps.service.authorize(params.sessionId, resumeToken);
    return deps.history.revokeShares(params.sessionId);
  });
  return router;
}

/** GET /api/shared/:token: the read-only report a live share link opens. */
export function sharedReportRouter(history: History): Router {
  const router = Router();
  serve(router, "/api/shared", routes.sharedReport, ({ params }, res) => {
    res.set("Cache-Control", "no-store");
    return history.shared(params.token);
  });
  return router;
}
