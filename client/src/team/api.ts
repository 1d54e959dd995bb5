import { routes, type Visibility } from "../../../server/contracts/index.js";
import { callRoute } from "../call-route.js";

/** Kept under its old name: a rejected publish carries the pack's problems in `issues`. */
export { ApiError as TeamApiError } from "../call-route.js";

/** The team pack API bound to one token and team. */
export function teamApi(teamToken: string, team: string) {
  return {
    listPacks: () => callRoute(routes.teamPacks, { teamToken, params: { team } }),
    getPack: (packId: string, version?: number) =>
      callRoute(routes.teamPack, { teamToken, params: { team, packId }, query: version ? { version } : {} }),
    validate: (source: string, signal?: AbortSignal) =>
      callRoute(routes.validatePack, { teamToken, params: { team }, body: source, ...(signal ? { signal } : {}) }),
    /**
     * A new pack (POST) or the next version of `packId` (PUT; the YAML's id must match), on `baseVersion`: the latest
     * version this editor knew of (0 for a new pack). Someone else's publish since is PACK_VERSION_STALE.
     */
    publish: (source: string, visibility: Visibility, packId: string | null, baseVersion: number) =>
      packId === null
        ? callRoute(routes.publishPack, { teamToken, params: { team }, query: { visibility, baseVersion }, body: source })
        : callRoute(routes.publishPackVersion, { teamToken, params: { team, packId }, query: { visibility, baseVersion }, body: source }),
  };
}
export type TeamApi = ReturnType<typeof teamApi>;

export const fetchTeam = (teamToken: string) => callRoute(routes.teamMe, { teamToken });

const TOKEN_KEY = "mi.teamToken";

export function loadTeamToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function saveTeamToken(token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(TOKEN_KEY);
    else localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage disabled: the token lasts for this page view only
  }
}
