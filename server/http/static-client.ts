import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";

/** Serve the built client, with index.html for every client-side route. */
export function staticClientRouter(clientDist: string): Router | null {
  const index = join(clientDist, "index.html");
  if (!existsSync(index)) return null;
  const router = Router();
  router.use(express.static(clientDist, { index: false, maxAge: "1h" }));
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(index));
  return router;
}
