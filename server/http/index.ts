import express, { type Express } from "express";
import type { Logger } from "pino";
import { buildOpenApiDocument, MAX_JSON_BODY_BYTES, routes } from "../contracts/index.js";
import type { RateLimits } from "../limits/index.js";
import type { InterviewService } from "../interview/index.js";
import type { PackLibrary } from "../packs/index.js";
import type { LocatedPack, PackIssue } from "../scenarios/index.js";
import type { Teams } from "../teams/index.js";
import { jsonBody } from "./bodies.js";
import { utf8BodiesOnly } from "./charset.js";
import { errorHandler, sendError } from "./errors.js";
import type { History } from "../history/index.js";
import { metricsRouter } from "./metrics.js";
import type { Registry } from "prom-client";
import { requestIds } from "./request-id.js";
import { healthRouter } from "./health.js";
import { historyRouter } from "./history.js";
import { packsRouter } from "./packs.js";
import { hostCheck } from "./host-check.js";
import { rateLimit } from "./rate-limit.js";
import { reportsRouter } from "./reports.js";
import { securityHeaders } from "./security-headers.js";
import { sharedReportRouter, shareLinksRouter } from "./share.js";
import { staticClientRouter } from "./static-client.js";
import { teamPacksRouter } from "./team-packs.js";
import { teamApiRouter } from "./team-api.js";
import { teamPublicRouter } from "./team-public.js";
import type { TeamDesk } from "../teams/index.js";

export type HttpDeps = {
  packs: PackLibrary;
  teams: Teams;
  verifyPack?: (located: LocatedPack, team: string, signal?: AbortSignal) => Promise<{ issues: PackIssue[]; warnings: string[] }>;
  /** Reads uploaded packs off the event loop (server/packs/reader); absent: on this thread. */
  readPack?: (text: string, file: string, team: string, signal?: AbortSignal) => Promise<LocatedPack>;
  service: InterviewService;
  history: History;
  logger: Logger;
  clientDist: string | null;
  pingDatabase: () => void | Promise<void>;
  /** Per-address and global request limits; none when absent. */
  limits?: RateLimits | null;
  /** A candidate opened an invite's session from this address (grading takes turns between addresses). */
  onSessionHeld?: ((sessionId: string, address: string) => void) | undefined;
  /** Take the client address and protocol from X-Forwarded-* (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Host names requests may name (DNS rebinding, server/limits/host.ts); null or absent: any. */
  allowedHosts?: string[] | null;
  /** True while overdue sessions are still being recovered after a start. */
  recovering?: () => boolean;
  /** Invites, dashboard, overrides, signals (issue 13); absent in apps built without it. */
  teamDesk?: TeamDesk;
  /** This instance's metrics, served at /api/metrics; absent serves none. */
  metrics?: { registry: Registry; token: string | null } | null;
  /** Extra facts for /api/health (such as the Redis connections' state). */
  healthExtras?: () => Record<string, string>;
};

export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // One proxy hop: req.ip is the address our proxy saw, not whatever a client put first in X-Forwarded-For.
  app.set("trust proxy", deps.trustProxy ? 1 : false);
  app.use(requestIds(deps.logger));
  if (deps.allowedHosts) app.use(hostCheck(deps.allowedHosts));
  if (deps.limits) app.use(rateLimit(deps.limits));
  app.use(securityHeaders());
  app.use(utf8BodiesOnly());
  const openApi = buildOpenApiDocument();
  app.get(routes.openApi.path, (_req, res) => void res.json(openApi));
  if (deps.teamDesk) app.use("/api/teams", teamApiRouter(deps.teamDesk));
  // Pack uploads are YAML or JSON text: that router reads its own body, before any JSON parser.
  app.use(
    "/api/teams",
    teamPacksRouter({
      teams: deps.teams,
      library: deps.packs,
      ...(deps.verifyPack ? { verify: deps.verifyPack } : {}),
      ...(deps.readPack ? { read: deps.readPack } : {}),
    }),
  );
  app.use(jsonBody(MAX_JSON_BODY_BYTES));
  app.use(
    "/api/health",
    healthRouter({
      packs: deps.packs,
      pingDatabase: deps.pingDatabase,
      startedAt: Date.now(),
      recovering: deps.recovering ?? (() => false),
      extras: deps.healthExtras ?? (() => ({})),
    }),
  );
  if (deps.metrics) app.use("/api/metrics", metricsRouter(deps.metrics.registry, deps.metrics.token));
  app.use(
    "/api/packs",
    packsRouter(deps.packs, async (teamId) => (await deps.teams.get(teamId))?.name),
  );
  app.use("/api/sessions", reportsRouter(deps.service));
  app.use("/api/sessions", shareLinksRouter({ service: deps.service, history: deps.history }));
  app.use("/api/history", historyRouter(deps.history));
  app.use("/api/shared", sharedReportRouter(deps.history));
  if (deps.teamDesk)
    app.use(
      "/api",
      teamPublicRouter(
        deps.teamDesk,
        (id, address) => {
          deps.onSessionHeld?.(id, address);
          deps.service.beginAfterAck(id);
        },
        deps.limits ?? null,
      ),
    );
  app.use("/api", (req, res) => sendError(res, "NOT_FOUND", `no API route ${req.method} ${req.originalUrl}`));
  const client = deps.clientDist ? staticClientRouter(deps.clientDist) : null;
  if (client) app.use(client);
  else if (deps.clientDist) {
    app.get("/", (_req, res) => {
      res.status(503).type("text").send("The client is not built. Run `npm run build` (npm start does this for you).");
    });
  }
  app.use(errorHandler(deps.logger));
  return app;
}
