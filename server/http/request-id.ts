import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { Logger } from "pino";

/** A caller's own request id is kept when it is short and plain (a proxy's, say); anything else gets a fresh one. */
const GIVEN_ID = /^[\w.:-]{1,64}$/;

/**
 * Give every request an id (answered in X-Request-Id) and a child logger
 * carrying it, so every log line about a request can be found by that id.
 */
export function requestIds(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    const requestId = given && GIVEN_ID.test(given) ? given : randomUUID();
    res.set("X-Request-Id", requestId);
    const log = logger.child({ requestId, method: req.method, path: req.path.slice(0, 200) });
    res.locals.logger = log;
    const started = performance.now();
    res.once("finish", () => log.debug({ status: res.statusCode, ms: Math.round(performance.now() - started) }, "request"));
    next();
  };
}

/** The request's child logger (the app's logger before requestIds ran). */
export const requestLogger = (res: Response, fallback: Logger): Logger => (res.locals.logger as Logger | undefined) ?? fallback;
