import { Router, type Response } from "express";
import { PackIdMismatchError, PackVersionStaleError, type PackLibrary, type PublishResult } from "../packs/index.js";
import {
  hiddenInProse,
  MAX_PACK_UPLOAD_BYTES,
  routes,
  ServiceError,
  type PackSummary,
  type PackVersionInfo,
  type Visibility,
} from "../contracts/index.js";
import {
  parsePackLocated,
  PackValidationError,
  toPublicQuestion,
  type LocatedPack,
  type PackIssue,
  type PackRecord,
} from "../scenarios/index.js";
import type { Teams } from "../teams/index.js";
import { textBody } from "./bodies.js";
import { clientLeft } from "./client-left.js";
import { identifyRequest, requireTeam, whoOf } from "./team-auth.js";
import { serve } from "./serve.js";

/** A pack with thousands of problems lists the first ones: enough to start fixing, a bounded reply. */
const MAX_LISTED_ISSUES = 50;
const summary = (r: PackRecord | PublishResult): PackSummary => ({
  key: r.key,
  id: r.pack.id,
  version: r.version,
  visibility: r.visibility,
  title: r.pack.title,
  questions: r.pack.questions.length,
  rounds: r.pack.rounds.map((round) => round.id),
  needsFix: r.needsFix ?? [],
});

/** A pack with problems: PACK_INVALID, with the first problems listed in `issues`. */
function invalid(err: PackValidationError): ServiceError {
  const n = err.issues.length;
  return new ServiceError(
    "PACK_INVALID",
    `the pack has ${n} problem${n === 1 ? "" : "s"}${n > MAX_LISTED_ISSUES ? ` (the first ${MAX_LISTED_ISSUES} are listed)` : ""}`,
    undefined,
    err.issues.slice(0, MAX_LISTED_ISSUES),
  );
}

/**
 * Team authoring: upload, version and read a team's own packs. Every route
 * needs the team's bearer token; another team's packs do not exist (404) to it.
 */
export function teamPacksRouter(deps: {
  teams: Teams;
  library: PackLibrary;
  /** Checks that need execution (reference solutions in the sandbox): problems and warnings; none when absent. */
  verify?: (located: LocatedPack, team: string, signal?: AbortSignal) => Promise<{ issues: PackIssue[]; warnings: string[] }>;
  /**
   * Parses and validates a pack's text (the server: in the pack reader's worker thread, so a 2 MB pack does not
   * hold the event loop for seconds); default parsePackLocated on this thread.
   */
  read?: (text: string, file: string, team: string, signal?: AbortSignal) => Promise<LocatedPack>;
}): Router {
  const readPack = deps.read ?? (async (text: string, file: string) => parsePackLocated(text, file));
  const router = Router({ mergeParams: true });
  // The title is shown on the team pages and to invited candidates: a bidi control there reorders what they read.
  // `signal`: the request's connection closed (clientLeft); reading and verifying stop, and nothing is stored.
  const check = async (located: LocatedPack, team: string, signal: AbortSignal): Promise<{ issues: PackIssue[]; warnings: string[] }> => {
    const hidden = hiddenInProse(located.pack.title);
    const own: PackIssue[] = hidden
      ? [{ ...located.locate(["title"]), code: "hidden-character", message: `the pack title may not hold ${hidden}` }]
      : [];
    const verified = deps.verify ? await deps.verify(located, team, signal) : { issues: [], warnings: [] };
    return { issues: [...own, ...verified.issues], warnings: verified.warnings };
  };
  // Every problem in one answer: a pack that fails the schema still has the reference solutions of its readable
  // questions run (PackValidationError.readable), and their failures join the schema's problems.
  const read = async (text: string, file: string, team: string, signal?: AbortSignal): Promise<LocatedPack> => {
    try {
      return await readPack(text, file, team, signal);
    } catch (err) {
      if (!(err instanceof PackValidationError) || !err.readable || !deps.verify) throw err;
      const ran = await deps.verify(err.readable, team, signal ?? new AbortController().signal);
      throw new PackValidationError([...err.issues, ...ran.issues]);
    }
  };
  // Read only after the token checks out (the /:team guard below runs first): an anonymous
  // client cannot make the server buffer and parse 2 MB.
  const readBody = textBody(MAX_PACK_UPLOAD_BYTES);

  /** Which team a token belongs to, and its label and role: the team pages start here. */
  serve(router, "/api/teams", routes.teamMe, async (_input, res) => {
    const who = await identifyRequest(deps.teams, res.req, res);
    if (!who) return undefined as never;
    const team = await deps.teams.get(who.teamId);
    return { id: who.teamId, name: team?.name ?? who.teamId, label: who.label, role: who.role };
  });

  router.use("/:team", requireTeam(deps.teams));

  const AT = "/api/teams";
  const teamOf = (res: Response) => whoOf(res).teamId;

  serve(router, AT, routes.teamPacks, async (_input, res) => (await deps.library.listForTeam(teamOf(res))).map(summary));

  /** Dry run for the editor: every problem, or a preview of each question as a candidate sees it. */
  serve(
    router,
    AT,
    routes.validatePack,
    async ({ body }, res) => {
      const signal = clientLeft(res);
      // Kept across the throw: a pack that fails verification still reports what verification warned about.
      let warnings: string[] = [];
      try {
        const located = await read(body, "editor", teamOf(res), signal);
        const { pack } = located;
        const checked = await check(located, teamOf(res), signal);
        warnings = checked.warnings;
        if (checked.issues.length) throw new PackValidationError(checked.issues);
        return {
          valid: true as const,
          issues: [],
          warnings,
          pack: { id: pack.id, title: pack.title, rounds: pack.rounds.length },
          preview: pack.questions.map(toPublicQuestion),
        };
      } catch (err) {
        if (!(err instanceof PackValidationError)) throw err;
        return { valid: false, issues: err.issues.slice(0, MAX_LISTED_ISSUES), warnings, pack: null, preview: [] };
      }
    },
    ...readBody,
  );

  const publish = async (
    teamId: string,
    source: string,
    { visibility, baseVersion }: { visibility?: Visibility | undefined; baseVersion?: number | undefined },
    signal: AbortSignal,
    expectId?: string,
  ) => {
    // The library stores a pack only when its verification finds no problem; its warnings come back with the summary.
    let warnings: string[] = [];
    try {
      const stored = await deps.library.publish(teamId, source, {
        ...(visibility ? { visibility } : {}),
        ...(expectId ? { expectId } : {}),
        ...(baseVersion !== undefined ? { baseVersion } : {}),
        read: (text: string, file: string) => read(text, file, teamId, signal),
        verify: async (located: LocatedPack) => {
          const checked = await check(located, teamId, signal);
          warnings = checked.warnings;
          return checked.issues;
        },
      });
      return { ...summary(stored), warnings };
    } catch (err) {
      if (err instanceof PackValidationError) throw invalid(err);
      if (err instanceof PackIdMismatchError) throw new ServiceError("PACK_ID_MISMATCH", err.message);
      if (err instanceof PackVersionStaleError) throw new ServiceError("PACK_VERSION_STALE", err.message);
      throw err;
    }
  };
  serve(router, AT, routes.publishPack, ({ body, query }, res) => publish(teamOf(res), body, query, clientLeft(res)), ...readBody);
  serve(
    router,
    AT,
    routes.publishPackVersion,
    ({ params, body, query }, res) => publish(teamOf(res), body, query, clientLeft(res), params.packId),
    ...readBody,
  );

  serve(router, AT, routes.teamPack, async ({ params, query }, res) => {
    const key = `${teamOf(res)}/${params.packId}`;
    const record = query.version ? await deps.library.get(key, query.version) : await deps.library.latest(key);
    if (!record || record.teamId !== teamOf(res)) {
      throw new ServiceError("NOT_FOUND", `no pack "${params.packId}"${query.version ? ` version ${query.version}` : ""}`);
    }
    return {
      ...summary(record),
      source: (await deps.library.source(key, record.version)) ?? null,
      pack: record.pack as unknown as Record<string, unknown>,
      versions: (await deps.library.versions(key)) as PackVersionInfo[],
    };
  });

  return router;
}
