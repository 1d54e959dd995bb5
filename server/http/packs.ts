import { Router } from "express";
import { toPublicPack, type PackCatalog } from "../scenarios/index.js";
import { sendError } from "./errors.js";

/** Public pack summaries: allow-listed fields only, never rubrics or exemplars. */
export function packsRouter(packs: PackCatalog): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res.json(packs.list().map(toPublicPack));
  });
  router.get("/:packId", (req, res) => {
    const pack = packs.get(req.params.packId);
    if (!pack) return sendError(res, "NOT_FOUND", `no pack "${req.params.packId}"`);
    res.json(toPublicPack(pack));
  });
  return router;
}
