import type {
  Comparison,
  DraftQuestionBody,
  DraftQuestionResult,
  Invite,
  InviteCreateBody,
  InviteCreated,
  IssuedToken,
  OverrideBody,
  SuggestTermsBody,
  TeamSessionDetail,
  TeamSessionList,
  TeamSessionsQuery,
  TeamToken,
  TermSuggestions,
} from "../../../server/contracts/index.js";
import { call, TeamApiError } from "./api.js";

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const query = (q: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
  const text = params.toString();
  return text ? `?${text}` : "";
};

/** The team review API (invites, dashboard, overrides, compare, CSV, tokens, authoring help), bound to a token. */
export function reviewApi(token: string, teamId: string) {
  const t = base(teamId);
  return {
    tokens: () => call<TeamToken[]>(token, `${t}/tokens`),
    createToken: (label: string) => call<IssuedToken>(token, `${t}/tokens`, { method: "POST", json: { label } }),
    rotateToken: (id: string) => call<IssuedToken>(token, `${t}/tokens/${encodeURIComponent(id)}/rotate`, { method: "POST" }),
    revokeToken: (id: string) => call<TeamToken>(token, `${t}/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),

    invites: () => call<Invite[]>(token, `${t}/invites`),
    createInvite: (body: InviteCreateBody) => call<InviteCreated>(token, `${t}/invites`, { method: "POST", json: body }),
    revokeInvite: (id: string) => call<Invite>(token, `${t}/invites/${encodeURIComponent(id)}`, { method: "DELETE" }),

    sessions: (q: TeamSessionsQuery) => call<TeamSessionList>(token, `${t}/sessions${query(q as Record<string, string | undefined>)}`),
    session: (id: string) => call<TeamSessionDetail>(token, `${t}/sessions/${encodeURIComponent(id)}`),
    override: (id: string, body: OverrideBody) =>
      call<TeamSessionDetail>(token, `${t}/sessions/${encodeURIComponent(id)}/overrides`, { method: "POST", json: body }),
    compare: (ids: string[]) => call<Comparison>(token, `${t}/compare?sessions=${ids.map(encodeURIComponent).join(",")}`),
    /** The CSV as a Blob (the route needs the bearer token, so a plain link cannot fetch it). */
    async csv(q: TeamSessionsQuery): Promise<Blob> {
      const res = await fetch(`${t}/sessions.csv${query(q as Record<string, string | undefined>)}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new TeamApiError(`Could not export: ${res.status} ${res.statusText}`, res.status);
      return res.blob();
    },

    capabilities: () => call<{ draftQuestion: boolean }>(token, `${t}/authoring/capabilities`),
    suggestTerms: (body: SuggestTermsBody) => call<TermSuggestions>(token, `${t}/authoring/suggest-terms`, { method: "POST", json: body }),
    draftQuestion: (body: DraftQuestionBody) =>
      call<DraftQuestionResult>(token, `${t}/authoring/draft-question`, { method: "POST", json: body }),
  };
}
export type ReviewApi = ReturnType<typeof reviewApi>;
