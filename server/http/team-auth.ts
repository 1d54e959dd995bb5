import type { NextFunction, Request, Response } from "express";
import { ServiceError } from "../contracts/index.js";
import { TeamError, type TeamIdentity, type Teams } from "../teams/index.js";
import { sendError } from "./errors.js";

/** The identity a team route runs as (set by requireTeam). */
export const whoOf = (res: Response): TeamIdentity => res.locals.who as TeamIdentity;

/**
 * Every team route: a live bearer token of the team named in the URL. An unknown
 * or revoked token is 401; another team's URL is 404 (its data does not exist to you).
 */
export function requireTeam(teams: Teams) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return sendError(res, "UNAUTHORIZED", "send the team's API token as `Authorization: Bearer <token>`");
    const who = await teams.identify(token);
    if (!who) return sendError(res, "UNAUTHORIZED", "this API token is not valid (unknown or revoked)");
    if (who.teamId !== (req.params as { team?: string }).team)
      return sendError(res, "NOT_FOUND", `no team "${(req.params as { team?: string }).team}" for this token`);
    res.locals.who = who;
    next();
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
