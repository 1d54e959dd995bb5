import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * helmet's defaults, except that `upgrade-insecure-requests` is sent only
 * over HTTPS: on plain HTTP (a LAN name, a laptop) it makes the browser ask
 * for the scripts over https and the page stays blank.
 */
export function securityHeaders(): RequestHandler {
  const overHttps = helmet();
  const overHttp = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}
