import { Router } from "express";
import { InviteCreateBodySchema } from "../contracts/index.js";
import type { TeamDesk } from "../teams/index.js";
import { parseOr400, whoOf } from "./team-auth.js";

/** /api/teams/:team/invites: invite a candidate to one of the team's packs; list; withdraw. */
export function teamInvitesRouter(desk: TeamDesk): Router {
  const router = Router({ mergeParams: true });
  router.get("/", async (_req, res) => {
    res.json(await desk.invites.list(whoOf(res).teamId));
  });
  router.post("/", async (req, res) => {
    const body = parseOr400(InviteCreateBodySchema, req.body, "body");
    res.status(201).json(await desk.invites.create(whoOf(res), body));
  });
  router.delete("/:inviteId", async (req, res) => {
    res.json(await desk.invites.revoke(whoOf(res).teamId, req.params.inviteId));
  });
  return router;
}
