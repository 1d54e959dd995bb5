import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const doc = readFileSync(new URL("../../docs/question-topics.md", import.meta.url), "utf8");

/** The table rows under one "## Kind" heading: question id, level and topics. */
function rows(heading: string): { id: string; level: string; topics: string }[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? "";
  return [...section.matchAll(/^\| `([a-z0-9-]+)`(?: \*\*v2\*\*)? \| (junior|mid|senior) \| (.+?) \|$/gm)].map((m) => ({ id: m[1]!, level: m[2]!, topics: m[3]! }));
}

describe("docs/question-topics.md", () => {
  for (const [kind, heading] of [["system-design", "System design"], ["prompt-debugging", "Prompt debugging"], ["behavioural", "Behavioural"]] as const) {
    it(`lists every ${kind} question once, with its level and topics`, () => {
      const listed = rows(heading);
      const questions = pack!.questions.filter((q) => q.kind === kind);
      expect(listed.map((r) => r.id).sort()).toEqual(questions.map((q) => q.id).sort());
      for (const q of questions) {
        const row = listed.find((r) => r.id === q.id)!;
        expect(row.level, q.id).toBe(q.level);
        expect(row.topics.trim().length, q.id).toBeGreaterThan(5);
      }
    });
  }
});
