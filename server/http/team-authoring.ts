import { Router } from "express";
import { DraftQuestionBodySchema, SuggestTermsBodySchema } from "../contracts/index.js";
import { ServiceError } from "../interview/index.js";
import { suggestEvidenceTerms, type TeamDesk } from "../teams/index.js";
import { parseOr400 } from "./team-auth.js";

/** /api/teams/:team/authoring: help writing packs (offline term suggestions; a model-drafted question). */
export function teamAuthoringRouter(desk: TeamDesk): Router {
  const router = Router({ mergeParams: true });
  router.post("/suggest-terms", (req, res) => {
    res.json(suggestEvidenceTerms(parseOr400(SuggestTermsBodySchema, req.body, "body")));
  });
  router.get("/capabilities", (_req, res) => {
    res.json({ draftQuestion: desk.drafter !== null });
  });
  router.post("/draft-question", async (req, res) => {
    const body = parseOr400(DraftQuestionBodySchema, req.body, "body");
    if (!desk.drafter)
      throw new ServiceError("CONFLICT", "drafting needs a model; set OPENAI_API_KEY (and OPENAI_BASE_URL for a local server)");
    res.json(await desk.drafter(body));
  });
  return router;
}
