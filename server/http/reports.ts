import { Router } from "express";
import { routes } from "../contracts/index.js";
import type { InterviewService } from "../interview/index.js";
import { serve } from "./serve.js";

/** A session's report, readable by whoever holds its resume token; they may have what was not graded graded again. */
export function reportsRouter(service: InterviewService): Router {
  const router = Router();
  serve(router, "/api/sessions", routes.report, ({ params, resumeToken }) => service.report(params.sessionId, resumeToken));
  serve(router, "/api/sessions", routes.regrade, ({ params, resumeToken }) => service.regradeForCandidate(params.sessionId, resumeToken));
  return router;
}
