import { Router, type Response } from "express";
import { routes } from "../contracts/index.js";
import { tokenView, type Teams } from "../teams/index.js";
import { asService, whoOf } from "./team-auth.js";
import { serve } from "./serve.js";

const AT = "/api/teams/:team/tokens";

/**
 * /api/teams/:team/tokens: named tokens, one per reviewer, each with a role; list, issue, rotate, revoke
 * (owners only: routes.ts), and rotating the token a request is made with (any role). Every change is
 * recorded with the token that made it, and shown with each token (`audit`).
 */
export function teamTokensRouter(teams: Teams): Router {
  const router = Router({ mergeParams: true });
  /** A token as shown to `res`'s caller, with its audit entries. */
  const view = async (res: Response, row: Parameters<typeof tokenView>[0], currentId = whoOf(res).tokenId) =>
    tokenView(row, currentId, await teams.tokenEvents(whoOf(res).teamId));

  serve(router, AT, routes.tokens, async (_input, res) => {
    const who = whoOf(res);
    const events = await teams.tokenEvents(who.teamId);
    return (await teams.tokens(who.teamId)).map((t) => tokenView(t, who.tokenId, events));
  });
  serve(router, AT, routes.createToken, async ({ body }, res) => {
    const who = whoOf(res);
    const { token, row } = await asService(() => teams.createToken(who.teamId, body.label, body.role, who));
    return { token, info: await view(res, row) };
  });
  // Before /:tokenId/rotate: "current" names the caller's own token, and no token id is "current".
  serve(router, AT, routes.rotateOwnToken, async (_input, res) => {
    const who = whoOf(res);
    const { token, row } = await asService(() => teams.rotateToken(who.teamId, who.tokenId, who));
    // The new token is the caller's from now on.
    return { token, info: await view(res, row, row.id) };
  });
  serve(router, AT, routes.rotateToken, async ({ params }, res) => {
    const who = whoOf(res);
    const { token, row } = await asService(() => teams.rotateToken(who.teamId, params.tokenId, who));
    return { token, info: await view(res, row) };
  });
  serve(router, AT, routes.revokeToken, async ({ params }, res) => {
    const who = whoOf(res);
    return view(res, await asService(() => teams.revokeToken(who.teamId, params.tokenId, { by: who })));
  });
  return router;
}
