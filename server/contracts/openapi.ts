import { z } from "zod";
import { ERROR_CODES, ErrorBodySchema, type ErrorCode } from "./errors.js";
import { routes, type RouteDef } from "./routes.js";

/** Express path to OpenAPI path: `:id` and `*key` become `{id}` and `{key}`. */
export const openApiPath = (expressPath: string): string => expressPath.replace(/[:*](\w+)/g, "{$1}");

/** Codes any route may answer with. */
const COMMON_ERRORS: readonly ErrorCode[] = ["BAD_PAYLOAD", "RATE_LIMITED", "INTERNAL"];
const JSON_BODY_ERRORS: readonly ErrorCode[] = ["PAYLOAD_TOO_LARGE", "UNSUPPORTED_CHARSET", "UNSUPPORTED_ENCODING"];

type JsonSchema = Record<string, unknown>;

/**
 * Shared definitions (a recursive schema such as z.json() comes out as a
 * `$defs` entry) move to components.schemas, so every `$ref` resolves against
 * the document; identical definitions share one entry.
 */

function rewriteRefs(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) return [k, `#/components/schemas/${names[v.slice(8)]}`];
      return [k, rewriteRefs(v, names)];
    }),
  );
}

type SchemaOf = (schema: z.ZodType, io: "input" | "output") => JsonSchema;
const schemaWriter = (components: Record<string, JsonSchema>): SchemaOf => {
  const componentNames = new Map<string, string>();
  return (schema, io) => {
    const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
    const defs = ($defs ?? {}) as Record<string, JsonSchema>;
    const names: Record<string, string> = {};
    // Name each definition by its content (refs inside it still local), so identical ones share a component.
    for (const [local, def] of Object.entries(defs)) {
      const content = JSON.stringify(def);
      let name = componentNames.get(content);
      if (!name) componentNames.set(content, (name = `Shared${componentNames.size + 1}`));
      names[local] = name;
    }
    for (const [local, def] of Object.entries(defs)) components[names[local]!] = rewriteRefs(def, names) as JsonSchema;
    return rewriteRefs(rest, names) as JsonSchema;
  };
};

/** Path or query parameters, one per property of the object schema. */
function parametersOf(schemaOf: SchemaOf, schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

function operation(schemaOf: SchemaOf, name: string, r: RouteDef): JsonSchema {
  const errors = [...new Set([...COMMON_ERRORS, ...(r.body ? JSON_BODY_ERRORS : []), ...r.errors])];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errors) byStatus.set(ERROR_CODES[code].status, [...(byStatus.get(ERROR_CODES[code].status) ?? []), code]);
  const errorResponses = Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: codes.map((c) => `${c}: ${ERROR_CODES[c].means}`).join("; "),
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
      },
    ]),
  );
  const success =
    r.responseType === "csv"
      ? { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }
      : { description: "OK", content: { "application/json": { schema: schemaOf(r.response, "output") } } };
  return {
    operationId: name,
    summary: r.summary,
    ...(r.roles ? { description: `Token roles allowed: ${r.roles.join(", ")}.`, "x-roles": r.roles } : {}),
    ...(r.auth === "none" ? {} : { security: [{ [r.auth]: [] }] }),
    parameters: [...parametersOf(schemaOf, r.params, "path"), ...parametersOf(schemaOf, r.query, "query")],
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content:
              r.bodyType === "text"
                ? { "application/yaml": { schema: schemaOf(r.body, "input") }, "text/plain": { schema: schemaOf(r.body, "input") } }
                : { "application/json": { schema: schemaOf(r.body, "input") } },
          },
        }
      : {}),
    responses: { [String(r.status)]: success, ...errorResponses },
  };
}

/** The OpenAPI 3.1 document of every HTTP route, from the one route table. */
export function buildOpenApiDocument(info: { version: string } = { version: "0.1.0" }): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const schemaOf = schemaWriter(components);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [name, r] of Object.entries(routes) as [string, RouteDef][]) {
    (paths[openApiPath(r.path)] ??= {})[r.method] = operation(schemaOf, name, r);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Mock interview HTTP API",
      version: info.version,
      description:
        "Generated from server/contracts/routes.ts. The interview itself runs over socket.io (docs/protocol.md). " +
        "Errors are `{error: {code, message}}`; switch on `code`, never on `message`.",
    },
    paths,
    components: {
      schemas: { ErrorBody: schemaOf(ErrorBodySchema, "output"), ...components },
      securitySchemes: {
        resumeToken: { type: "apiKey", in: "header", name: "X-Resume-Token", description: "The session's resume token." },
        teamToken: { type: "http", scheme: "bearer", description: "A team API token." },
      },
    },
  };
}
