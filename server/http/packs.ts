import { Router } from "express";
import { toPublicPack, type PackCatalog } from "../scenarios/index.js";
import { sendError } from "./errors.js";

/** Public pack summaries: allow-listed fields only, never rubrics or exemplars. */
export function packsRouter(packs: PackCatalog): Router {
  const router = Router();
  router.get("/", async (_req, res) => {
    res.json((await packs.listPublic()).map(toPublicPack));
  });
  // Team pack keys contain a slash ("acme/backend").
  router.get(/^\/(.+)$/, async (req, res) => {
    const key = (req.params as Record<string, string>)[0]!;
    const record = await packs.latest(key);
    if (!record || record.visibility === "private") return sendError(res, "NOT_FOUND", `no pack "${key}"`);
    res.json(toPublicPack(record));
  });
  return router;
}
