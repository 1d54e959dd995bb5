import express, { Router } from "express";
import type { TeamDesk } from "../teams/index.js";
import { requireTeam } from "./team-auth.js";
import { teamAuthoringRouter } from "./team-authoring.js";
import { teamInvitesRouter } from "./team-invites.js";
import { teamSessionsRouter } from "./team-sessions.js";
import { teamTokensRouter } from "./team-tokens.js";

/** Paths this router owns under /api/teams; anything else (packs) passes on untouched, body unread. */
export const TEAM_REVIEW_PATHS = ["/:team/tokens", "/:team/invites", "/:team/sessions", "/:team/sessions.csv", "/:team/compare", "/:team/authoring"];

/** The team review API, mounted at /api/teams before the pack router. */
export function teamApiRouter(desk: TeamDesk): Router {
  const router = Router();
  router.use(TEAM_REVIEW_PATHS, requireTeam(desk.teams));
  router.use("/:team/authoring", express.json({ limit: "2mb" }), teamAuthoringRouter(desk));
  router.use(TEAM_REVIEW_PATHS, express.json({ limit: "64kb" }));
  router.use("/:team/tokens", teamTokensRouter(desk.teams));
  router.use("/:team/invites", teamInvitesRouter(desk));
  router.use("/:team", teamSessionsRouter(desk));
  return router;
}
