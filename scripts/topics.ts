// Writes docs/topics.md from the built-in pack (`npm run topics`); a test fails when the file is stale.
import { writeFileSync } from "node:fs";
import { loadPackDir } from "../server/scenarios/index.js";
import { renderTopicsDoc } from "../server/scenarios/topics.js";

export const TOPICS_SOURCE = "scenarios/ai-engineer";
export const TOPICS_FILE = "docs/topics.md";

writeFileSync(TOPICS_FILE, renderTopicsDoc(loadPackDir(TOPICS_SOURCE).pack, TOPICS_SOURCE));
console.log(`wrote ${TOPICS_FILE}`);
