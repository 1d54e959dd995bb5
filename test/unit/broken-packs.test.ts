import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIssue, parsePack, PackValidationError } from "../../server/scenarios/index.js";

const DIR = fileURLToPath(new URL("../fixtures/broken-packs/", import.meta.url));

/** Each fixture names, in `# expect:` lines, the problems the validator must report. */
describe("the validator rejects every broken pack with the right message", () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith(".yaml"))) {
    it(name, () => {
      const text = readFileSync(DIR + name, "utf8");
      const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]!);
      expect(expected.length, "fixture declares what it expects").toBeGreaterThan(0);
      let issues: string[] = [];
      try {
        parsePack(text, name);
      } catch (err) {
        if (!(err instanceof PackValidationError)) throw err;
        issues = err.issues.map(formatIssue);
        expect(
          err.issues.every((i) => i.line !== undefined && i.column !== undefined),
          "every issue is located",
        ).toBe(true);
      }
      for (const e of expected) expect(issues.join("\n")).toContain(e);
    });
  }
});
