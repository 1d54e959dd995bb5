import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_FILES, renderJsonSchema } from "../../server/scenarios/json-schema.js";

describe("generated JSON Schemas", () => {
  for (const [file, make] of Object.entries(JSON_SCHEMA_FILES)) {
    it(`${file} matches the zod schema (run \`npm run schema\` if not)`, () => {
      expect(readFileSync(file, "utf8")).toBe(renderJsonSchema(make));
    });
  }

  it("describes the fields authors write", () => {
    const schema = JSON.parse(renderJsonSchema(JSON_SCHEMA_FILES["scenarios/schema.json"])) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "rounds", "questions"]));
    expect(JSON.stringify(schema.properties.questions)).toContain("referenceSolution");
  });
});
