// Writes scenarios/schema.json and scenarios/question-list.schema.json from the zod schemas.
// `npm run schema`; a test fails when the checked-in files are stale.
import { writeFileSync } from "node:fs";
import { JSON_SCHEMA_FILES, renderJsonSchema } from "../server/scenarios/json-schema.js";

for (const [file, make] of Object.entries(JSON_SCHEMA_FILES)) {
  writeFileSync(file, renderJsonSchema(make));
  console.log(`wrote ${file}`);
}
