import express, { type Express } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { InterviewService } from "../interview/index.js";
import type { PackLibrary } from "../packs/index.js";
import type { LocatedPack, PackIssue } from "../scenarios/index.js";
import type { Teams } from "../teams/index.js";
import { errorHandler, sendError } from "./errors.js";
import { healthRouter } from "./health.js";
import { packsRouter } from "./packs.js";
import { reportsRouter } from "./reports.js";
import { staticClientRouter } from "./static-client.js";
import { teamPacksRouter } from "./team-packs.js";
import { teamApiRouter } from "./team-api.js";
import { teamPublicRouter } from "./team-public.js";
import type { TeamDesk } from "../teams/index.js";

export type HttpDeps = {
  packs: PackLibrary;
  teams: Teams;
  verifyPack?: (located: LocatedPack) => Promise<PackIssue[]>;
  service: InterviewService;
  logger: Logger;
  clientDist: string | null;
  pingDatabase: () => void;
  /** Invites, dashboard, overrides, signals (issue 13); absent in apps built without it. */
  teamDesk?: TeamDesk;
};

export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(helmet());
  if (deps.teamDesk) app.use("/api/teams", teamApiRouter(deps.teamDesk));
  // Pack uploads are YAML or JSON text: that router reads its own body, before any JSON parser.
  app.use("/api/teams", teamPacksRouter({ teams: deps.teams, library: deps.packs, ...(deps.verifyPack ? { verify: deps.verifyPack } : {}) }));
  app.use(express.json({ limit: "1mb" }));
  app.use("/api/health", healthRouter({ packs: deps.packs, pingDatabase: deps.pingDatabase, startedAt: Date.now() }));
  app.use("/api/packs", packsRouter(deps.packs));
  app.use("/api/sessions", reportsRouter(deps.service));
  if (deps.teamDesk) app.use("/api", teamPublicRouter(deps.teamDesk, (id) => deps.service.begin(id).catch((err) => deps.logger.error({ err, sessionId: id }, "invited session failed to begin"))));
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
