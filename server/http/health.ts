import { Router } from "express";
import type { PackCatalog } from "../scenarios/index.js";

/** Liveness plus the facts an operator checks first: storage answers, packs loaded. */
export function healthRouter(deps: {
  packs: PackCatalog;
  pingDatabase: () => void | Promise<void>;
  startedAt: number;
  recovering: () => boolean;
  extras?: () => Record<string, string>;
}): Router {
  const router = Router();
  router.get("/", async (_req, res) => {
    let database = "ok";
    try {
      await deps.pingDatabase();
    } catch (err) {
      database = `error: ${(err as Error).message}`;
    }
    const ok = database === "ok";
    res.status(ok ? 200 : 503).json({
      ok,
      database,
      /** "recovering" while sessions left active by the last run are being brought back; new sessions work meanwhile. */
      status: deps.recovering() ? "recovering" : "ready",
      packs: (await deps.packs.listPublic()).length,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      ...deps.extras?.(),
    });
  });
  return router;
}
