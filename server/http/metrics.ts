import { createHash, timingSafeEqual } from "node:crypto";
import { Router } from "express";
import type { Registry } from "prom-client";
import { sendError } from "./errors.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * GET /api/metrics: this instance's registry in Prometheus text format. With a
 * token configured (METRICS_TOKEN) the scraper must send it as a bearer token;
 * the counts say how busy the service is, which is nobody else's business.
 */
export function metricsRouter(registry: Registry, token: string | null): Router {
  const router = Router();
  router.get("/", async (req, res, next) => {
    if (token !== null) {
      const given = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1] ?? "";
      if (!timingSafeEqual(digest(given), digest(token))) {
        return sendError(res, "UNAUTHORIZED", "metrics need the header Authorization: Bearer <METRICS_TOKEN>");
      }
    }
    try {
      const body = await registry.metrics();
      res.set("Content-Type", registry.contentType).set("Cache-Control", "no-store").send(body);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
