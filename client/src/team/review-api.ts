import {
  routes,
  type DraftQuestionBody,
  type InviteCreateBody,
  type OverrideBody,
  type SuggestTermsBody,
  type TeamSessionsQuery,
  type TokenRole,
} from "../../../server/contracts/index.js";
import { callRoute } from "../call-route.js";

/** The team review API (invites, dashboard, overrides, compare, CSV, tokens, authoring help), bound to a token. */
export function reviewApi(teamToken: string, team: string) {
  const at = { teamToken, params: { team } };
  return {
    tokens: () => callRoute(routes.tokens, at),
    createToken: (label: string, role: TokenRole) => callRoute(routes.createToken, { ...at, body: { label, role } }),
    rotateOwnToken: () => callRoute(routes.rotateOwnToken, at),
    rotateToken: (tokenId: string) => callRoute(routes.rotateToken, { teamToken, params: { team, tokenId } }),
    revokeToken: (tokenId: string) => callRoute(routes.revokeToken, { teamToken, params: { team, tokenId } }),

    invites: () => callRoute(routes.invites, at),
    createInvite: (body: InviteCreateBody) => callRoute(routes.createInvite, { ...at, body }),
    revokeInvite: (inviteId: string) => callRoute(routes.revokeInvite, { teamToken, params: { team, inviteId } }),

    sessions: (query: TeamSessionsQuery) => callRoute(routes.teamSessions, { ...at, query }),
    session: (sessionId: string) => callRoute(routes.teamSession, { teamToken, params: { team, sessionId } }),
    override: (sessionId: string, body: OverrideBody) => callRoute(routes.overrideScore, { teamToken, params: { team, sessionId }, body }),
    compare: (ids: string[]) => callRoute(routes.compare, { ...at, query: { sessions: ids.join(",") } }),
    /** The CSV as a Blob (the route needs the bearer token, so a plain link cannot fetch it). */
    csv: (query: TeamSessionsQuery) => callRoute(routes.teamSessionsCsv, { ...at, query }),

    capabilities: () => callRoute(routes.authoringCapabilities, at),
    suggestTerms: (body: SuggestTermsBody) => callRoute(routes.suggestTerms, { ...at, body }),
    draftQuestion: (body: DraftQuestionBody) => callRoute(routes.draftQuestion, { ...at, body }),
  };
}
export type ReviewApi = ReturnType<typeof reviewApi>;
