import { Router } from "express";
import { routes } from "../contracts/index.js";
import { tokenView, type Teams } from "../teams/index.js";
import { asService, whoOf } from "./team-auth.js";
import { serve } from "./serve.js";

const AT = "/api/teams/:team/tokens";

/** /api/teams/:team/tokens: named tokens, one per reviewer, each with a role; list, issue, rotate, revoke (owners only: routes.ts). */
export function teamTokensRouter(teams: Teams): Router {
  const router = Router({ mergeParams: true });
  serve(router, AT, routes.tokens, async (_input, res) => {
    const who = whoOf(res);
    return (await teams.tokens(who.teamId)).map((t) => tokenView(t, who.tokenId));
  });
  serve(router, AT, routes.createToken, async ({ body }, res) => {
    const who = whoOf(res);
    const { token, row } = await asService(() => teams.createToken(who.teamId, body.label, body.role, who.role));
    return { token, info: tokenView(row, who.tokenId) };
  });
  serve(router, AT, routes.rotateToken, async ({ params }, res) => {
    const who = whoOf(res);
    const { token, row } = await asService(() => teams.rotateToken(who.teamId, params.tokenId));
    return { token, info: tokenView(row, who.tokenId) };
  });
  serve(router, AT, routes.revokeToken, async ({ params }, res) => {
    const who = whoOf(res);
    return tokenView(await asService(() => teams.revokeToken(who.teamId, params.tokenId)), who.tokenId);
  });
  return router;
}
