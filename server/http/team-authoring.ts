import { Router } from "express";
import { routes, ServiceError } from "../contracts/index.js";
import type { TeamDesk } from "../teams/index.js";
import { serve } from "./serve.js";
import { whoOf } from "./team-auth.js";

const AT = "/api/teams/:team/authoring";

/** /api/teams/:team/authoring: help writing packs (offline term suggestions; a model-drafted question). */
export function teamAuthoringRouter(desk: TeamDesk): Router {
  const router = Router({ mergeParams: true });
  // Off the event loop (the pack reader's thread, the team's turn): see server/packs/reader.
  serve(router, AT, routes.suggestTerms, ({ body }, res) => desk.suggestTerms(body, whoOf(res).teamId));
  serve(router, AT, routes.authoringCapabilities, () => ({ draftQuestion: desk.drafter !== null }));
  serve(router, AT, routes.draftQuestion, ({ body }, res) => {
    if (!desk.drafter)
      throw new ServiceError("MODEL_NOT_CONFIGURED", "drafting needs a model; set OPENAI_API_KEY (and OPENAI_BASE_URL for a local server)");
    return desk.drafter(body, whoOf(res).teamId);
  });
  return router;
}
