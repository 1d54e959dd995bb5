import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import { describeZodError, ResumeTokenHeaderSchema, ServiceError, type RouteDef } from "../contracts/index.js";
import { roleGuard } from "./team-auth.js";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler gets: the route's path parameters, query and body, already validated by its schemas. */
export type RouteInput<R extends RouteDef> = {
  params: Parsed<R["params"]>;
  query: Parsed<R["query"]>;
  body: Parsed<R["body"]>;
  /** With auth "resumeToken": the X-Resume-Token header (or a bearer token), validated. */
  resumeToken: R["auth"] extends "resumeToken" ? string : undefined;
};

/** What a handler returns: the response as its schema's input (the route's response schema types it). */
export type RouteOutput<R extends RouteDef> = z.input<R["response"]>;

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, what: string): z.output<S> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ServiceError("BAD_PAYLOAD", `${what}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/**
 * The parsed body, or a BAD_PAYLOAD naming the Content-Type when no reader took it: a JSON route sent text/plain (or
 * no Content-Type) has no body at all, and "expected object, received undefined" named nothing the sender could fix.
 */
function bodyOf(req: Request, schema: z.ZodType | undefined): unknown {
  if (req.body !== undefined || !schema || schema.safeParse(undefined).success) return req.body;
  const sent = req.get("content-type")?.split(";")[0]?.trim().slice(0, 100);
  const length = Number(req.get("content-length") ?? 0);
  if (!sent && !(length > 0) && !req.get("transfer-encoding"))
    throw new ServiceError("BAD_PAYLOAD", "body: this route needs a JSON body; none was sent");
  throw new ServiceError(
    "BAD_PAYLOAD",
    `body: this route reads JSON; send it with Content-Type: application/json (got ${sent ? sent : "no Content-Type"})`,
  );
}

/** Path parameters as the table names them; a `*key` wildcard arrives as its segments. */
const paramsOf = (req: Request) =>
  Object.fromEntries(
    Object.entries(req.params as Record<string, string | string[]>).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
  );

const resumeTokenOf = (req: Request) => req.get("x-resume-token") ?? req.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];

/**
 * Register one route of the table on a router mounted at `mountedAt`: params,
 * query and body are parsed with the route's schemas (a failure is one
 * BAD_PAYLOAD naming the wrong fields), and the handler's return value, typed
 * by the response schema, is sent with the route's status.
 */
export function serve<R extends RouteDef>(
  router: Router,
  mountedAt: string,
  route: R,
  handler: (input: RouteInput<R>, res: Response) => Promise<RouteOutput<R>> | RouteOutput<R>,
  ...before: RequestHandler[]
): void {
  if (!route.path.startsWith(mountedAt)) throw new Error(`route ${route.path} is not under ${mountedAt}`);
  // A team route that forgot its roles would be open to every token: refuse to register it at all.
  if (route.auth === "teamToken" && !route.roles) throw new Error(`team route ${route.path} names no roles`);
  const path = route.path.slice(mountedAt.length) || "/";
  // The role is checked first: a token that may not publish never gets a 2 MB body read or parsed.
  const guard = route.roles ? [roleGuard(route, route.roles)] : [];
  router[route.method](path, ...guard, ...before, async (req: Request, res: Response) => {
    const input = {
      params: parse(route.params, paramsOf(req), "path"),
      query: parse(route.query, req.query ?? {}, "query"),
      body: parse(route.body, bodyOf(req, route.body), "body"),
      resumeToken: route.auth === "resumeToken" ? parse(ResumeTokenHeaderSchema, resumeTokenOf(req), "X-Resume-Token") : undefined,
    } as RouteInput<R>;
    res.status(route.status);
    const output = await handler(input, res);
    if (res.headersSent) return;
    if (route.responseType === "csv") res.type("text/csv; charset=utf-8").send(output);
    else res.json(output);
  });
}
