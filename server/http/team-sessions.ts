import { Router } from "express";
import { z } from "zod";
import { CompareQuerySchema, OverrideBodySchema, SessionId, TeamSessionsQuerySchema } from "../contracts/index.js";
import { sessionsCsv, type TeamDesk } from "../teams/index.js";
import { parseOr400, whoOf } from "./team-auth.js";

const SessionParams = z.object({ sessionId: SessionId });

/** /api/teams/:team/sessions…: the dashboard, one session, overrides; compare and CSV. */
export function teamSessionsRouter(desk: TeamDesk): Router {
  const router = Router({ mergeParams: true });
  router.get("/sessions", async (req, res) => {
    res.json(await desk.review.list(whoOf(res).teamId, parseOr400(TeamSessionsQuerySchema, req.query, "query")));
  });
  router.get("/sessions.csv", async (req, res) => {
    const { sessions } = await desk.review.list(whoOf(res).teamId, parseOr400(TeamSessionsQuerySchema, req.query, "query"));
    res
      .type("text/csv; charset=utf-8")
      .set("Content-Disposition", `attachment; filename="${whoOf(res).teamId}-sessions.csv"`)
      // A BOM so spreadsheet programs read the UTF-8 labels correctly.
      .send(`\uFEFF${sessionsCsv(sessions)}`);
  });
  router.get("/sessions/:sessionId", async (req, res) => {
    const { sessionId } = parseOr400(SessionParams, req.params, "path");
    res.json(await desk.review.detail(whoOf(res).teamId, sessionId));
  });
  router.post("/sessions/:sessionId/overrides", async (req, res) => {
    const { sessionId } = parseOr400(SessionParams, req.params, "path");
    const body = parseOr400(OverrideBodySchema, req.body, "body");
    res.status(201).json(await desk.review.override(whoOf(res), sessionId, body));
  });
  router.get("/compare", async (req, res) => {
    const { sessions } = parseOr400(CompareQuerySchema, req.query, "query");
    res.json(await desk.review.compare(whoOf(res).teamId, sessions));
  });
  return router;
}
