import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Express } from "express";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument, openApiPath, routes, type RouteDef } from "../../server/contracts/index.js";
import { createHttpApp, type HttpDeps } from "../../server/http/index.js";
import type { TeamDesk } from "../../server/teams/index.js";

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | RegExp | (string | RegExp)[];
};

/**
 * "METHOD /path" for every route the Express app declares, walking every
 * mounted router down to its routes (mount paths joined on the way).
 */
function declaredRoutes(stack: Layer[], prefix = ""): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path === "/" ? "" : layer.route.path}`;
      return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${path}`);
    }
    if (!layer.handle?.stack) return [];
    const mounts = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath ?? ""];
    return mounts.flatMap((mount) => {
      if (typeof mount !== "string")
        throw new Error(`a router is mounted at a RegExp (${String(mount)}); give it a path the table can name`);
      return declaredRoutes(layer.handle!.stack!, `${prefix}${mount === "/" ? "" : mount}`);
    });
  });
}

/** The whole HTTP app as the server builds it (team API included); its dependencies are never called while routes are listed. */
function wholeApp(): Express {
  const unused = {} as never;
  const deps: HttpDeps = {
    packs: { listPublic: async () => [] } as never,
    teams: unused,
    service: unused,
    history: unused,
    logger: pino({ level: "silent" }),
    clientDist: null,
    pingDatabase: () => undefined,
    teamDesk: { teams: {}, invites: {}, review: {}, signals: {}, drafter: null } as unknown as TeamDesk,
  };
  return createHttpApp(deps);
}

const table = Object.entries(routes) as [string, RouteDef][];
const key = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;
/** A schema as zod writes it, and as the document holds it: the same once references are made alike (local $defs move to components). */
const comparable = (schema: unknown) =>
  JSON.parse(JSON.stringify(schema).replace(/"#\/(?:\$defs\/\w+|components\/schemas\/Shared\d+)"/g, '"REF"')) as unknown;
const jsonSchema = (s: z.ZodType, io: "input" | "output") => {
  const { $schema: _dialect, $defs: _defs, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return comparable(rest);
};

describe("OpenAPI document from the one route table", () => {
  const app = wholeApp();
  const declared = declaredRoutes((app as unknown as { router: { stack: Layer[] } }).router.stack);
  const document = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>
    >;
  };
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("the walk finds the routers' routes (a sanity check on the walk itself)", () => {
    expect(declared).toContain("GET /api/teams/:team/sessions/:sessionId");
    expect(declared).toContain("POST /api/invites/:token/start");
    expect(declared.length).toBeGreaterThanOrEqual(30);
  });

  it("every route an Express router declares is in the route table, and every table route is declared", () => {
    const inTable = new Set(table.map(([, r]) => key(r)));
    expect(declared.filter((d) => !inTable.has(d))).toEqual([]);
    expect([...inTable].filter((t) => !declared.includes(t))).toEqual([]);
  });

  it("every declared route is in the document with its parameters, body and response schemas", () => {
    for (const [name, r] of table) {
      const op = document.paths[openApiPath(r.path)]?.[r.method];
      expect(op, `${key(r)} missing from the document`).toBeDefined();
      const names = (where: string) => op!.parameters.filter((p) => p.in === where).map((p) => p.name);
      expect(names("path"), name).toEqual([...r.path.matchAll(/[:*](\w+)/g)].map((m) => m[1]));
      if (r.query) expect(names("query").length, name).toBeGreaterThan(0);
      const ok = op!.responses[String(r.status)] as { content: Record<string, { schema: unknown }> };
      if (r.responseType === "csv") expect(Object.keys(ok.content), name).toEqual(["text/csv"]);
      else expect(comparable(ok.content["application/json"]!.schema), name).toEqual(jsonSchema(r.response, "output"));
      if (r.body) {
        const content = (op!.requestBody as { content: Record<string, { schema: unknown }> }).content;
        const type = r.bodyType === "text" ? "text/plain" : "application/json";
        expect(comparable(content[type]!.schema), name).toEqual(jsonSchema(r.body, "input"));
      } else expect(op!.requestBody, name).toBeUndefined();
      // Every error a route may answer with is documented under its status, with the shared error body.
      for (const code of ["BAD_PAYLOAD", "RATE_LIMITED", "INTERNAL", ...r.errors]) {
        const documented = Object.values(op!.responses).some((resp) =>
          String((resp as { description?: string }).description).includes(`${code}:`),
        );
        expect(documented, `${name} does not document ${code}`).toBe(true);
      }
    }
  });

  it("every $ref in the document resolves within it", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith("#/"), ref).toBe(true);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });

  it("is served at GET /api/openapi.json as OpenAPI 3.1", async () => {
    const res = await fetch(`${url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as typeof document;
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(document.paths).sort());
    expect(served.paths["/api/teams/{team}/invites"]?.post?.requestBody).toBeDefined();
  });

  it("server/contracts imports nothing from the rest of the server (only zod and its own files)", () => {
    const dir = join(import.meta.dirname, "../../server/contracts");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const specifiers = [...readFileSync(join(dir, file), "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const s of specifiers) expect(s === "zod" || /^\.\/[\w-]+\.js$/.test(s), `${file} imports ${s}`).toBe(true);
    }
  });
});
