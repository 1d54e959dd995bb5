import { Router } from "express";
import { routes, ServiceError } from "../contracts/index.js";
import { toPublicPack, type PackCatalog } from "../scenarios/index.js";
import { serve } from "./serve.js";

/** Public pack summaries: allow-listed fields only, never rubrics or exemplars. */
export function packsRouter(packs: PackCatalog): Router {
  const router = Router();
  serve(router, "/api/packs", routes.listPacks, async () => (await packs.listPublic()).map(toPublicPack));
  // Team pack keys contain a slash ("acme/backend"): the route's `*key` takes every segment.
  serve(router, "/api/packs", routes.getPack, async ({ params }) => {
    const record = await packs.latest(params.key);
    if (!record || record.visibility === "private") throw new ServiceError("NOT_FOUND", `no pack "${params.key}"`);
    return toPublicPack(record);
  });
  return router;
}
