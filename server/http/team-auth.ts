import type { NextFunction, Request, Response } from "express";
import { aRole, describeRoles, ServiceError, TOKEN_ROLES, type RouteDef, type TokenRole } from "../contracts/index.js";
import { TeamError, type TeamIdentity, type Teams } from "../teams/index.js";
import { sendError } from "./errors.js";

/** The identity a team route runs as (set by requireTeam). */
export const whoOf = (res: Response): TeamIdentity => res.locals.who as TeamIdentity;

/** The bearer token of a request, if it sent one in the usual form. */
const bearerOf = (req: Request) => req.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];

/** The live token behind a request, or undefined with the 401 already sent. */
export async function identifyRequest(teams: Teams, req: Request, res: Response): Promise<TeamIdentity | undefined> {
  const token = bearerOf(req);
  if (!token) return void sendError(res, "UNAUTHORIZED", "send the team's API token as `Authorization: Bearer <token>`");
  const who = await teams.identify(token);
  if (!who) return void sendError(res, "UNAUTHORIZED", "this API token is not valid (unknown or revoked)");
  return who;
}

/**
 * Every team route: a live bearer token of the team named in the URL. An unknown
 * or revoked token is 401; another team's URL is 404 (its data does not exist to you).
 */
export function requireTeam(teams: Teams) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const who = await identifyRequest(teams, req, res);
    if (!who) return;
    if (who.teamId !== (req.params as { team?: string }).team)
      return sendError(res, "NOT_FOUND", `no team "${(req.params as { team?: string }).team}" for this token`);
    res.locals.who = who;
    next();
  };
}

/**
 * A team route's role check, from the route table (one source of truth for who may do what). Runs after
 * requireTeam, so the token is known to be live and the team's; a route open to every role needs no check
 * (GET /api/teams/me identifies its token itself).
 */
export function roleGuard(route: RouteDef, allowed: readonly TokenRole[]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (allowed.length === TOKEN_ROLES.length) return next();
    const who = whoOf(res);
    if (!who) throw new Error(`role-checked route ${route.path} reached without a team identity`);
    if (allowed.includes(who.role)) return next();
    return sendError(
      res,
      "FORBIDDEN_ROLE",
      `${route.method.toUpperCase()} ${route.path} needs ${describeRoles(allowed)}; this token ("${who.label}") is ${aRole(who.role)}`,
    );
  };
}

/** Team operations report refusals as TeamError (the CLI prints them); over HTTP they are ServiceErrors with the same code. */
export async function asService<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof TeamError) throw new ServiceError(err.code, err.message);
    throw err;
  }
}
