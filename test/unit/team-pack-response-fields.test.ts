import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { routes, ValidateResultSchema, type RouteDef } from "../../server/contracts/index.js";

/** The object a response is made of (an array's element), or null when it is not an object. */
function objectOf(schema: z.ZodType): z.ZodObject | null {
  const def = schema._zod.def as { type: string; element?: z.ZodType; shape?: unknown; in?: z.ZodType };
  if (def.type === "array" && def.element) return objectOf(def.element);
  if (def.type === "object") return schema as z.ZodObject;
  return null;
}

/**
 * Every answer of a team pack route has the same fields, whatever the outcome (an outside tester found the invalid
 * validate answer lacked `warnings`): a top-level field is never optional and no answer is a union of shapes.
 */
describe("team pack responses: one shape with the same fields", () => {
  const packRoutes = Object.entries(routes as Record<string, RouteDef>).filter(
    ([, r]) => r.path.startsWith("/api/teams/:team/packs") && r.responseType !== "csv",
  );

  it("covers the pack routes", () => {
    expect(packRoutes.map(([name]) => name).sort()).toEqual(["publishPack", "publishPackVersion", "teamPack", "teamPacks", "validatePack"]);
  });

  it.each(packRoutes)("%s: an object whose fields are all always sent", (_name, route) => {
    const object = objectOf(route.response as z.ZodType);
    expect(object).not.toBeNull();
    const optional = Object.entries(object!.shape)
      .filter(([, field]) => (field as z.ZodType).safeParse(undefined).success)
      .map(([key]) => key);
    expect(optional).toEqual([]);
  });

  it("validate: valid means no issues and a pack; invalid means issues, no pack and no preview", () => {
    const base = { warnings: [], preview: [] };
    const issue = { file: "editor", path: "title", message: "x" };
    expect(ValidateResultSchema.safeParse({ ...base, valid: true, issues: [], pack: { id: "p", title: "P", rounds: 1 } }).success).toBe(
      true,
    );
    expect(ValidateResultSchema.safeParse({ ...base, valid: false, issues: [issue], pack: null }).success).toBe(true);
    expect(
      ValidateResultSchema.safeParse({ ...base, valid: false, issues: [issue], pack: { id: "p", title: "P", rounds: 1 } }).success,
    ).toBe(false);
    expect(
      ValidateResultSchema.safeParse({ ...base, valid: true, issues: [issue], pack: { id: "p", title: "P", rounds: 1 } }).success,
    ).toBe(false);
    expect(ValidateResultSchema.safeParse({ valid: false, issues: [issue], pack: null, preview: [] }).success).toBe(false);
  });
});
