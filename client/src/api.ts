import type { PublicPack, Report } from "../../server/contracts/index.js";

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

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: "application/json", ...headers } });
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
