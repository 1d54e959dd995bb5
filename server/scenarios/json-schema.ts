import { z } from "zod";
import { PackSchema, QuestionSchema } from "./schema.js";

/** JSON Schemas for editors, generated from the zod schemas (never edited by hand). */
export function packJsonSchema(): object {
  return { title: "Interview scenario pack", ...z.toJSONSchema(PackSchema, { io: "input", unrepresentable: "any" }) };
}

/** For `<pack>/questions/*.yaml`: one question or a list of them. */
export function questionListJsonSchema(): object {
  return {
    title: "Interview scenario pack: question file",
    ...z.toJSONSchema(z.union([QuestionSchema, z.array(QuestionSchema)]), { io: "input", unrepresentable: "any" }),
  };
}

export const JSON_SCHEMA_FILES = {
  "scenarios/schema.json": packJsonSchema,
  "scenarios/question-list.schema.json": questionListJsonSchema,
} as const;

export const renderJsonSchema = (make: () => object) => `${JSON.stringify(make(), null, 2)}\n`;
