import { Router } from "express";
import { MAX_AUTHORING_BODY_BYTES, MAX_SMALL_JSON_BODY_BYTES } from "../contracts/index.js";
import { jsonBody } from "./bodies.js";
import type { TeamDesk } from "../teams/index.js";
import { requireTeam } from "./team-auth.js";
import { teamAuthoringRouter } from "./team-authoring.js";
import { teamInvitesRouter } from "./team-invites.js";
import { teamSessionsRouter } from "./team-sessions.js";
import { teamTokensRouter } from "./team-tokens.js";

/** Paths this router owns under /api/teams; anything else (packs) passes on untouched, body unread. */
export const TEAM_REVIEW_PATHS = [
  "/:team/tokens",
  "/:team/invites",
  "/:team/sessions",
  "/:team/sessions.csv",
  "/:team/compare",
  "/:team/authoring",
];

/** Where each sub-router is mounted; tests list every route from here to walk them all. */
export const teamSubRouters = (desk: TeamDesk) =>
  [
    ["/:team/authoring", teamAuthoringRouter(desk)],
    ["/:team/tokens", teamTokensRouter(desk.teams)],
    ["/:team/invites", teamInvitesRouter(desk)],
    ["/:team", teamSessionsRouter(desk)],
  ] as const;

/** The team review API, mounted at /api/teams before the pack router. */
export function teamApiRouter(desk: TeamDesk): Router {
  const router = Router();
  router.use(TEAM_REVIEW_PATHS, requireTeam(desk.teams));
  const [authoring, ...rest] = teamSubRouters(desk);
  router.use(authoring[0], ...jsonBody(MAX_AUTHORING_BODY_BYTES), authoring[1]);
  router.use(TEAM_REVIEW_PATHS, jsonBody(MAX_SMALL_JSON_BODY_BYTES));
  for (const [path, sub] of rest) router.use(path, sub);
  return router;
}
