import { Router } from "express";
import { routes, ServiceError, type PublicPack } from "../contracts/index.js";
import { toPublicPack, type PackCatalog, type PackRecord } from "../scenarios/index.js";
import { teamAuthor } from "../teams/index.js";
import { serve } from "./serve.js";

/** A team's display name by id (undefined once the team is gone: its id is shown instead). */
export type TeamNameOf = (teamId: string) => Promise<string | undefined>;

/** Public pack summaries: allow-listed fields only, never rubrics or exemplars. */
export function packsRouter(packs: PackCatalog, teamNameOf: TeamNameOf): Router {
  const router = Router();
  // A team pack says whose it is and what that team will see, as an invite does: the lobby is no account and no consent form.
  const summary = async (record: PackRecord): Promise<PublicPack> =>
    toPublicPack(record, record.teamId === null ? null : teamAuthor(record.teamId, await teamNameOf(record.teamId), "lobby"));
  serve(router, "/api/packs", routes.listPacks, async () => Promise.all((await packs.listPublic()).map(summary)));
  // Team pack keys contain a slash ("acme/backend"): the route's `*key` takes every segment.
  serve(router, "/api/packs", routes.getPack, async ({ params }) => {
    const record = await packs.latest(params.key);
    if (!record || record.visibility === "private") throw new ServiceError("NOT_FOUND", `no pack "${params.key}"`);
    return summary(record);
  });
  return router;
}
