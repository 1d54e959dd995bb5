import { HttpError } from "../api.js";
import type { PackDetail, PackIssue, PackSummary, TeamInfo, ValidateResult, Visibility } from "./types.js";

/** An API failure; a rejected publish carries the pack's problems in `issues`. */
export class TeamApiError extends HttpError {
  constructor(
    message: string,
    status: number,
    readonly issues: PackIssue[] = [],
  ) {
    super(message, status);
    this.name = "TeamApiError";
  }
}

type Init = { method?: "GET" | "POST" | "PUT" | "DELETE"; body?: string; json?: unknown; signal?: AbortSignal };

export async function call<T>(token: string, path: string, init: Init = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: {
        Accept: "application/json",
        Authorization: `Bearer ${token}`,
        // The server reads pack bodies as text whatever the type; say what it is anyway.
        ...(init.body !== undefined ? { "Content-Type": "application/yaml; charset=utf-8" } : {}),
        ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new TeamApiError("Could not reach the server.", 0);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw failure(res, body);
  return body as T;
}

/** The server's `{error: {code, message}, issues?}`, else the status line. */
function failure(res: Response, body: unknown): TeamApiError {
  let message = `Request failed: ${res.status} ${res.statusText}`.trim();
  let issues: PackIssue[] = [];
  if (body && typeof body === "object") {
    const error = "error" in body ? body.error : undefined;
    if (error && typeof error === "object" && "message" in error && typeof error.message === "string") message = error.message;
    if ("issues" in body && Array.isArray(body.issues)) issues = body.issues as PackIssue[];
  }
  return new TeamApiError(message, res.status, issues);
}

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const visibilityQuery = (visibility: Visibility) => `?visibility=${encodeURIComponent(visibility)}`;

/** The team API bound to one token and team. */
export function teamApi(token: string, teamId: string) {
  return {
    listPacks: () => call<PackSummary[]>(token, `${team(teamId)}/packs`),
    getPack: (packId: string, version?: number) =>
      call<PackDetail>(token, `${team(teamId)}/packs/${encodeURIComponent(packId)}${version ? `?version=${version}` : ""}`),
    validate: (source: string, signal?: AbortSignal) =>
      call<ValidateResult>(token, `${team(teamId)}/packs/validate`, { method: "POST", body: source, ...(signal ? { signal } : {}) }),
    /** A new pack (POST) or the next version of `packId` (PUT; the YAML's id must match). */
    publish: (source: string, visibility: Visibility, packId: string | null) =>
      packId === null
        ? call<PackSummary>(token, `${team(teamId)}/packs${visibilityQuery(visibility)}`, { method: "POST", body: source })
        : call<PackSummary>(token, `${team(teamId)}/packs/${encodeURIComponent(packId)}${visibilityQuery(visibility)}`, {
            method: "PUT",
            body: source,
          }),
  };
}
export type TeamApi = ReturnType<typeof teamApi>;

export const fetchTeam = (token: string) => call<TeamInfo>(token, "/api/teams/me");

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
