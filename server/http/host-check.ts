import type { RequestHandler } from "express";
import { hostAllowed } from "../limits/index.js";
import { sendError } from "./errors.js";

/** Refuse requests naming a host this server does not answer to (DNS rebinding; see server/limits/host.ts). */
export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (hostAllowed(req.headers.host, allowedHosts)) return next();
    sendError(
      res,
      "HOST_NOT_ALLOWED",
      `this server does not answer to host "${(req.headers.host ?? "").slice(0, 100)}"; open it as ${allowedHosts[0]} or add the name to ALLOWED_HOSTS`,
    );
  };
}
