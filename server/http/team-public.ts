import { Router } from "express";
import { MAX_SMALL_JSON_BODY_BYTES, routes } from "../contracts/index.js";
import { jsonBody } from "./bodies.js";
import { ServiceError } from "../contracts/index.js";
import { limitedMessage, type RateLimits } from "../limits/index.js";
import type { TeamDesk } from "../teams/index.js";
import { serve } from "./serve.js";

/**
 * The candidate's side of invites and integrity signals: /api/invites/:token
 * (what they will sit, what the team sees), starting it, and the signals the
 * room records (readable by the candidate with the resume token).
 */
export function teamPublicRouter(
  desk: TeamDesk,
  onStarted: (sessionId: string, address: string) => void,
  limits: RateLimits | null,
): Router {
  const router = Router();
  router.use(["/invites", "/sessions/:sessionId/signals"], jsonBody(MAX_SMALL_JSON_BODY_BYTES));
  serve(router, "/api", routes.describeInvite, ({ params }) => desk.invites.describe(params.token));
  serve(router, "/api", routes.startInvite, async ({ params }, res) => {
    // Opening an invite creates a session: it spends the same per-address and server budgets as
    // session:start on the socket, and the team's own, once the invite is known to be usable.
    const started = await desk.invites.start(params.token, async (teamId) => {
      const limited = limits ? await limits.sessionStart(res.req.ip ?? "unknown", teamId) : null;
      if (limited) throw new ServiceError("RATE_LIMITED", limitedMessage(limited), limited.retryAfterMs);
    });
    res.status(routes.startInvite.status).json(started);
    // The graph runs to the first question after the candidate holds the session; they replay from seq 0.
    onStarted(started.sessionId, res.req.ip ?? "unknown");
    return started;
  });
  serve(router, "/api", routes.sessionSignals, ({ params, resumeToken }) => desk.signals.forCandidate(params.sessionId, resumeToken));
  serve(router, "/api", routes.recordSignals, ({ params, resumeToken, body }) => desk.signals.record(params.sessionId, resumeToken, body));
  return router;
}
