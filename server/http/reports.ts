import { Router } from "express";
import { routes } from "../contracts/index.js";
import type { InterviewService } from "../interview/index.js";
import { serve } from "./serve.js";

/** A session's report, readable by whoever holds its resume token. */
export function reportsRouter(service: InterviewService): Router {
  const router = Router();
  serve(router, "/api/sessions", routes.report, ({ params, resumeToken }) => service.report(params.sessionId, resumeToken));
  return router;
}
