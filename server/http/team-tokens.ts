import { Router } from "express";
import { TokenCreateBodySchema } from "../contracts/index.js";
import { tokenView, type Teams } from "../teams/index.js";
import { asService, parseOr400, whoOf } from "./team-auth.js";

/** /api/teams/:team/tokens: named tokens, one per reviewer; list, issue, rotate, revoke. */
export function teamTokensRouter(teams: Teams): Router {
  const router = Router({ mergeParams: true });
  router.get("/", async (_req, res) => {
    const who = whoOf(res);
    res.json((await teams.tokens(who.teamId)).map((t) => tokenView(t, who.tokenId)));
  });
  router.post("/", async (req, res) => {
    const who = whoOf(res);
    const body = parseOr400(TokenCreateBodySchema, req.body, "body");
    const { token, row } = await asService(() => teams.createToken(who.teamId, body.label));
    res.status(201).json({ token, info: tokenView(row, who.tokenId) });
  });
  router.post("/:tokenId/rotate", async (req, res) => {
    const who = whoOf(res);
    const { token, row } = await asService(() => teams.rotateToken(who.teamId, req.params.tokenId));
    res.status(201).json({ token, info: tokenView(row, who.tokenId) });
  });
  router.delete("/:tokenId", async (req, res) => {
    const who = whoOf(res);
    const row = await asService(() => teams.revokeToken(who.teamId, req.params.tokenId));
    res.json(tokenView(row, who.tokenId));
  });
  return router;
}
