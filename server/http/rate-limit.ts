import type { RequestHandler } from "express";
import { limitedMessage, type RateLimits } from "../limits/index.js";
import { sendError } from "./errors.js";

/** Every HTTP route: per client address and for the whole server, before any other work. */
export function rateLimit(limits: RateLimits): RequestHandler {
  return (req, res, next) => {
    limits.http(req.ip ?? "unknown").then((limited) => {
      if (!limited) return next();
      sendError(res, "RATE_LIMITED", limitedMessage(limited), limited.retryAfterMs);
    }, next);
  };
}
