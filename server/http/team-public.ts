import express, { Router } from "express";
import { z } from "zod";
import { SessionId, SignalBatchBodySchema } from "../contracts/index.js";
import type { TeamDesk } from "../teams/index.js";
import { parseOr400 } from "./team-auth.js";

const InviteToken = z.object({ token: z.string().min(16, "invite token is too short").max(200, "invite token is too long") });
const SessionAuth = z.object({
  sessionId: SessionId,
  token: z
    .string({ message: "send the session's resume token in the X-Resume-Token header" })
    .min(16, "resume token is too short")
    .max(200),
});

/**
 * The candidate's side of invites and integrity signals: /api/invites/:token
 * (what they will sit, what the team sees), starting it, and the signals the
 * room records (readable by the candidate with the resume token).
 */
export function teamPublicRouter(desk: TeamDesk, onStarted: (sessionId: string) => Promise<void>): Router {
  const router = Router();
  router.use(["/invites", "/sessions/:sessionId/signals"], express.json({ limit: "64kb" }));
  router.get("/invites/:token", async (req, res) => {
    res.json(await desk.invites.describe(parseOr400(InviteToken, req.params, "path").token));
  });
  router.post("/invites/:token/start", async (req, res) => {
    const started = await desk.invites.start(parseOr400(InviteToken, req.params, "path").token);
    res.status(201).json(started);
    // The graph runs to the first question after the candidate holds the session; they replay from seq 0.
    void onStarted(started.sessionId);
  });
  const sessionAuth = (req: express.Request) =>
    parseOr400(SessionAuth, { sessionId: req.params.sessionId, token: req.get("x-resume-token") }, "request");
  router.get("/sessions/:sessionId/signals", async (req, res) => {
    const { sessionId, token } = sessionAuth(req);
    res.json(await desk.signals.forCandidate(sessionId, token));
  });
  router.post("/sessions/:sessionId/signals", async (req, res) => {
    const { sessionId, token } = sessionAuth(req);
    res.status(201).json(await desk.signals.record(sessionId, token, parseOr400(SignalBatchBodySchema, req.body, "body")));
  });
  return router;
}
