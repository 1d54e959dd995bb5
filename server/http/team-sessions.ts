import { Router } from "express";
import { routes } from "../contracts/index.js";
import { sessionsCsv, type TeamDesk } from "../teams/index.js";
import { whoOf } from "./team-auth.js";
import { serve } from "./serve.js";

const AT = "/api/teams/:team";

/** /api/teams/:team/sessions…: the dashboard, one session, overrides; compare and CSV. */
export function teamSessionsRouter(desk: TeamDesk): Router {
  const router = Router({ mergeParams: true });
  serve(router, AT, routes.teamSessions, ({ query }, res) => desk.review.list(whoOf(res).teamId, query));
  serve(router, AT, routes.teamSessionsCsv, async ({ query }, res) => {
    const { sessions } = await desk.review.list(whoOf(res).teamId, query);
    res.set("Content-Disposition", `attachment; filename="${whoOf(res).teamId}-sessions.csv"`);
    // A BOM so spreadsheet programs read the UTF-8 labels correctly.
    return `\uFEFF${sessionsCsv(sessions)}`;
  });
  serve(router, AT, routes.teamSession, ({ params }, res) => desk.review.detail(whoOf(res).teamId, params.sessionId));
  serve(router, AT, routes.teamRegrade, ({ params }, res) => desk.review.regrade(whoOf(res).teamId, params.sessionId));
  serve(router, AT, routes.overrideScore, ({ params, body }, res) => desk.review.override(whoOf(res), params.sessionId, body));
  serve(router, AT, routes.compare, ({ query }, res) => desk.review.compare(whoOf(res).teamId, query.sessions));
  return router;
}
