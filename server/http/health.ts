import { Router } from "express";
import { routes } from "../contracts/index.js";
import type { PackCatalog } from "../scenarios/index.js";
import { serve } from "./serve.js";

/** Liveness plus the facts an operator checks first: storage answers, packs loaded. */
export function healthRouter(deps: {
  packs: PackCatalog;
  pingDatabase: () => void | Promise<void>;
  startedAt: number;
  recovering: () => boolean;
  extras?: () => Record<string, string>;
}): Router {
  const router = Router();
  serve(router, "/api/health", routes.health, async (_input, res) => {
    let database = "ok";
    try {
      await deps.pingDatabase();
    } catch (err) {
      database = `error: ${(err as Error).message}`;
    }
    const ok = database === "ok";
    if (!ok) res.status(503);
    return {
      ok,
      database,
      status: deps.recovering() ? ("recovering" as const) : ("ready" as const),
      packs: (await deps.packs.listPublic()).length,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      ...deps.extras?.(),
    };
  });
  return router;
}
