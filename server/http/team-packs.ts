import express, { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { PackIdMismatchError, type PackLibrary, type PublishResult } from "../packs/index.js";
import { MAX_PACK_UPLOAD_BYTES } from "../contracts/index.js";
import { describeZodError } from "../realtime/acks.js";
import {
  parsePackLocated,
  PackValidationError,
  toPublicQuestion,
  type LocatedPack,
  type PackIssue,
  type PackRecord,
} from "../scenarios/index.js";
import type { Teams } from "../teams/index.js";
import { sendError } from "./errors.js";

/** A pack with thousands of problems lists the first ones: enough to start fixing, a bounded reply. */
const MAX_LISTED_ISSUES = 50;
const VisibilityQuery = z.object({ visibility: z.enum(["public", "unlisted", "private"]).optional() });
// Kept verbatim (not trimmed): the stored source is exactly what the author sent.
const PackBody = z
  .string({ message: "send the pack as the request body (YAML or JSON text)" })
  .refine((s) => s.trim().length > 0, "the request body is empty; send the pack as YAML or JSON");
const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

type TeamRequest = Request<{ team: string; packId?: string }> & { teamId?: string };

const summary = (r: PackRecord | PublishResult) => ({
  key: r.key,
  id: r.pack.id,
  version: r.version,
  visibility: r.visibility,
  title: r.pack.title,
  questions: r.pack.questions.length,
  rounds: r.pack.rounds.map((round) => round.id),
});

function invalid(res: Response, err: PackValidationError): void {
  const n = err.issues.length;
  res.status(400).json({
    error: {
      code: "BAD_PAYLOAD",
      message: `the pack has ${n} problem${n === 1 ? "" : "s"}${n > MAX_LISTED_ISSUES ? ` (the first ${MAX_LISTED_ISSUES} are listed)` : ""}`,
    },
    issues: err.issues.slice(0, MAX_LISTED_ISSUES),
  });
}

/**
 * Team authoring: upload, version and read a team's own packs. Every route
 * needs the team's bearer token; another team's packs do not exist (404) to it.
 */
export function teamPacksRouter(deps: {
  teams: Teams;
  library: PackLibrary;
  /** Checks that need execution (reference solutions in the sandbox); none when absent. */
  verify?: (located: LocatedPack) => Promise<PackIssue[]>;
}): Router {
  const router = Router({ mergeParams: true });
  // Read only after the token checks out (the /:team guard below runs first): an anonymous
  // client cannot make the server buffer and parse 2 MB.
  const readBody = express.text({ type: () => true, limit: MAX_PACK_UPLOAD_BYTES });

  const authenticate = async (req: Request, res: Response): Promise<string | undefined> => {
    const token = req.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return void sendError(res, "UNAUTHORIZED", "send the team's API token as `Authorization: Bearer <token>`");
    const teamId = await deps.teams.authenticate(token);
    if (!teamId) return void sendError(res, "UNAUTHORIZED", "this API token is not valid (unknown or revoked)");
    return teamId;
  };

  /** Which team a token belongs to: the editor page starts here. */
  router.get("/me", async (req, res) => {
    const teamId = await authenticate(req, res);
    if (!teamId) return;
    const team = await deps.teams.get(teamId);
    res.json({ id: teamId, name: team?.name ?? teamId });
  });

  router.use("/:team", async (req: TeamRequest, res: Response, next: NextFunction) => {
    const teamId = await authenticate(req, res);
    if (!teamId) return;
    if (teamId !== req.params.team) return sendError(res, "NOT_FOUND", `no team "${req.params.team}" for this token`);
    req.teamId = teamId;
    next();
  });

  const keyOf = (req: TeamRequest) => `${req.teamId}/${req.params.packId}`;

  router.get("/:team/packs", async (req: TeamRequest, res) => {
    res.json((await deps.library.listForTeam(req.teamId!)).map(summary));
  });

  /** Dry run for the editor: every problem, or a preview of each question as a candidate sees it. */
  router.post("/:team/packs/validate", readBody, async (req: TeamRequest, res) => {
    const body = PackBody.safeParse(req.body);
    if (!body.success) return sendError(res, "BAD_PAYLOAD", describeZodError(body.error));
    try {
      const located = parsePackLocated(body.data, "editor");
      const { pack } = located;
      const failures = deps.verify ? await deps.verify(located) : [];
      if (failures.length) throw new PackValidationError(failures);
      res.json({
        valid: true,
        issues: [],
        pack: { id: pack.id, title: pack.title, rounds: pack.rounds.length },
        preview: pack.questions.map(toPublicQuestion),
      });
    } catch (err) {
      if (!(err instanceof PackValidationError)) throw err;
      res.json({ valid: false, issues: err.issues.slice(0, MAX_LISTED_ISSUES), preview: [] });
    }
  });

  const publish = async (req: TeamRequest, res: Response, expectId?: string) => {
    const body = PackBody.safeParse(req.body);
    const query = VisibilityQuery.safeParse(req.query);
    if (!body.success) return sendError(res, "BAD_PAYLOAD", describeZodError(body.error));
    if (!query.success) return sendError(res, "BAD_PAYLOAD", describeZodError(query.error));
    try {
      const result = await deps.library.publish(req.teamId!, body.data, {
        ...query.data,
        ...(expectId ? { expectId } : {}),
        ...(deps.verify ? { verify: deps.verify } : {}),
      });
      res.status(201).json(summary(result));
    } catch (err) {
      if (err instanceof PackValidationError) return invalid(res, err);
      if (err instanceof PackIdMismatchError) return sendError(res, "BAD_PAYLOAD", err.message);
      throw err;
    }
  };
  router.post("/:team/packs", readBody, (req: TeamRequest, res) => publish(req, res));
  router.put("/:team/packs/:packId", readBody, (req: TeamRequest, res) => publish(req, res, req.params.packId));

  router.get("/:team/packs/:packId", async (req: TeamRequest, res) => {
    const query = VersionQuery.safeParse(req.query);
    if (!query.success) return sendError(res, "BAD_PAYLOAD", describeZodError(query.error));
    const key = keyOf(req);
    const record = query.data.version ? await deps.library.get(key, query.data.version) : await deps.library.latest(key);
    if (!record || record.teamId !== req.teamId) {
      return sendError(res, "NOT_FOUND", `no pack "${req.params.packId}"${query.data.version ? ` version ${query.data.version}` : ""}`);
    }
    res.json({
      ...summary(record),
      source: await deps.library.source(key, record.version),
      pack: record.pack,
      versions: await deps.library.versions(key),
    });
  });

  return router;
}
