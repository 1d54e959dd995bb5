import { Router } from "express";
import { routes } from "../contracts/index.js";
import type { History } from "../history/index.js";
import { serve } from "./serve.js";

/** POST: the browser sends its resume tokens, the server lists the sessions they prove. */
export function historyRouter(history: History): Router {
  const router = Router();
  serve(router, "/api/history", routes.history, ({ body }) => history.list(body));
  serve(router, "/api/history", routes.practice, ({ body }) => history.practice(body));
  return router;
}
