import { Router } from "express";
import { HistoryRequestSchema, PracticeRequestSchema } from "../contracts/index.js";
import type { History } from "../history/index.js";
import { describeZodError } from "../realtime/acks.js";
import { sendError } from "./errors.js";

/** POST: the browser sends its resume tokens, the server lists the sessions they prove. */
export function historyRouter(history: History): Router {
  const router = Router();
  router.post("/", async (req, res) => {
    const parsed = HistoryRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, "BAD_PAYLOAD", describeZodError(parsed.error));
    res.json(await history.list(parsed.data));
  });
  /** "Practise next": public questions whose rubrics score the given criteria. */
  router.post("/practice", async (req, res) => {
    const parsed = PracticeRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, "BAD_PAYLOAD", describeZodError(parsed.error));
    res.json(await history.practice(parsed.data));
  });
  return router;
}
