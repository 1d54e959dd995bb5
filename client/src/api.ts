import type {
  HistoryResponse,
  PracticeRequest,
  PracticeSuggestion,
  PublicPack,
  Report,
  SessionProof,
  ShareCreated,
  ShareRevoked,
} from "../../server/contracts/index.js";

/** An HTTP failure with the status kept, so pages can tell "not found" from "try again". */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

async function getJson<T>(url: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: "application/json", ...headers } });
  } catch {
    throw new HttpError("Could not reach the server.", 0);
  }
  if (!res.ok) throw new HttpError(await failureMessage(res), res.status);
  return (await res.json()) as T;
}

/** The server's own message when its error body has one, else the status line. */
async function failureMessage(res: Response): Promise<string> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === "object") {
      const error = "error" in body ? body.error : undefined;
      if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message;
      if (typeof error === "string") return error;
      if ("message" in body && typeof body.message === "string") return body.message;
    }
  } catch {
    // not JSON; fall through
  }
  return `Request failed: ${res.status} ${res.statusText}`.trim();
}

export const fetchPacks = () => getJson<PublicPack[]>("/api/packs");

/** One pack by key ("acme/backend"): public or unlisted, as a team shares it by link. */
export const fetchPack = (key: string) => getJson<PublicPack>(`/api/packs/${key.split("/").map(encodeURIComponent).join("/")}`);

export const fetchReport = (sessionId: string, resumeToken: string) =>
  getJson<Report>(`/api/sessions/${encodeURIComponent(sessionId)}/report`, { "X-Resume-Token": resumeToken });

const jsonBody = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/** The sessions this browser's resume tokens prove, newest first. */
export const fetchHistory = (sessions: SessionProof[]) =>
  getJson<HistoryResponse>("/api/history", { "Content-Type": "application/json" }, jsonBody({ sessions }));

/** Public questions whose rubrics score the given criteria ("practise next"). */
export const fetchPractice = (request: PracticeRequest) =>
  getJson<PracticeSuggestion>("/api/history/practice", { "Content-Type": "application/json" }, jsonBody(request));

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export const createShareLink = (sessionId: string, resumeToken: string) =>
  getJson<ShareCreated>(`${sessionPath(sessionId)}/share`, { "X-Resume-Token": resumeToken }, { method: "POST" });

export const revokeShareLinks = (sessionId: string, resumeToken: string) =>
  getJson<ShareRevoked>(`${sessionPath(sessionId)}/share`, { "X-Resume-Token": resumeToken }, { method: "DELETE" });

/** A report opened through a share link: no resume token involved. */
export const fetchSharedReport = (token: string) => getJson<Report>(`/api/shared/${encodeURIComponent(token)}`);
