import { Router } from "express";
import { routes } from "../contracts/index.js";
import type { TeamDesk } from "../teams/index.js";
import { whoOf } from "./team-auth.js";
import { serve } from "./serve.js";

const AT = "/api/teams/:team/invites";

/** /api/teams/:team/invites: invite a candidate to one of the team's packs; list; withdraw. */
export function teamInvitesRouter(desk: TeamDesk): Router {
  const router = Router({ mergeParams: true });
  serve(router, AT, routes.invites, (_input, res) => desk.invites.list(whoOf(res).teamId));
  serve(router, AT, routes.createInvite, ({ body }, res) => desk.invites.create(whoOf(res), body));
  serve(router, AT, routes.revokeInvite, ({ params }, res) => desk.invites.revoke(whoOf(res).teamId, params.inviteId));
  return router;
}
