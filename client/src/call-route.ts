import type { z } from "zod";
import { ErrorCodeSchema, type ErrorCode, type PackIssue, type RouteDef } from "../../server/contracts/index.js";

/**
 * The one fetch helper: every HTTP call goes through a route of the shared
 * table (server/contracts/routes.ts), so its path, parameters, body and
 * response types come from the same zod schemas the server validates with.
 */

/** The server's codes, plus what only a client can see: no answer at all, or an answer that is not ours. */
export type ClientErrorCode = ErrorCode | "UNREACHABLE" | "UNEXPECTED_REPLY";

/** A failed call. Switch on `code` (stable); `message` is for people. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ClientErrorCode,
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** With PACK_INVALID: the pack's problems. */
    readonly issues: PackIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Field<R, K extends string> = R extends { [P in K]: infer S extends z.ZodType } ? S : never;

/** What a call needs: exactly the route's path parameters, query, body and credentials. */
export type CallInput<R extends RouteDef> = ([Field<R, "params">] extends [never] ? unknown : { params: z.input<Field<R, "params">> }) &
  ([Field<R, "query">] extends [never] ? unknown : { query?: z.input<Field<R, "query">> }) &
  ([Field<R, "body">] extends [never] ? unknown : { body: z.input<Field<R, "body">> }) &
  (R["auth"] extends "resumeToken" ? { resumeToken: string } : R["auth"] extends "teamToken" ? { teamToken: string } : unknown) & {
    signal?: AbortSignal;
    /** Let the request outlive the page (a last flush as the tab hides). */
    keepalive?: boolean;
  };

export type CallOutput<R extends RouteDef> = R["responseType"] extends "csv" ? Blob : z.output<R["response"]>;

/** The route's path with its parameters filled in; a `*key` parameter keeps its slashes. */
export function pathOf(route: RouteDef, params: Record<string, unknown> = {}): string {
  return route.path.replace(/([:*])(\w+)/g, (_, kind: string, name: string) => {
    const value = String(params[name] ?? "");
    return kind === "*" ? value.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}

function queryOf(query: Record<string, unknown> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "");
  const text = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return text ? `?${text}` : "";
}

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: unknown; message?: unknown }; issues?: unknown } | undefined;
  const code = ErrorCodeSchema.safeParse(body?.error?.code);
  const message = typeof body?.error?.message === "string" ? body.error.message : `Request failed: ${res.status} ${res.statusText}`.trim();
  const issues = Array.isArray(body?.issues) ? (body.issues as PackIssue[]) : [];
  return new ApiError(message, code.success ? code.data : "UNEXPECTED_REPLY", res.status, issues);
}

/** `origin`: the server's, when not the page's own (Node tests, other hosts). */
export async function callRoute<R extends RouteDef>(
  route: R,
  input: CallInput<R>,
  options: { origin?: string } = {},
): Promise<CallOutput<R>> {
  const given = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } & {
    resumeToken?: string;
    teamToken?: string;
    signal?: AbortSignal;
    keepalive?: boolean;
  };
  const headers: Record<string, string> = { Accept: route.responseType === "csv" ? "text/csv" : "application/json" };
  if (given.resumeToken !== undefined) headers["X-Resume-Token"] = given.resumeToken;
  if (given.teamToken !== undefined) headers.Authorization = `Bearer ${given.teamToken}`;
  let body: string | undefined;
  if ("body" in given) {
    // Pack uploads are the author's text as written; everything else is JSON. UTF-8 either way (the server reads nothing else).
    headers["Content-Type"] = route.bodyType === "text" ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8";
    body = route.bodyType === "text" ? String(given.body) : JSON.stringify(given.body);
  }
  let res: Response;
  try {
    res = await fetch(`${options.origin ?? ""}${pathOf(route, given.params)}${queryOf(given.query)}`, {
      method: route.method.toUpperCase(),
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(given.signal ? { signal: given.signal } : {}),
      ...(given.keepalive ? { keepalive: true } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError("Could not reach the server.", "UNREACHABLE", 0);
  }
  if (!res.ok) throw await failure(res);
  if (route.responseType === "csv") return (await res.blob()) as CallOutput<R>;
  return (await res.json()) as CallOutput<R>;
}
