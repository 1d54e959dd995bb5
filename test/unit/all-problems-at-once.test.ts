import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PackValidationError, parsePackLocated } from "../../server/scenarios/index.js";

const TINY = parse(readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8"));

function problems(pack: unknown) {
  try {
    parsePackLocated(stringify(pack), "editor");
  } catch (err) {
    if (err instanceof PackValidationError) return err.issues;
    throw err;
  }
  return [];
}

describe("validation lists every problem at once", () => {
  it("schema problems and cross-check problems of the other questions come together", () => {
    const good = TINY.questions[0];
    const second = { ...good, id: "second", exemplars: [{ ...good.exemplars[0], scores: { star: 4, nonsense: 2 } }] };
    const broken = { ...good, level: "principal" };
    const issues = problems({ ...TINY, questions: [broken, second] });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["questions[0].level", expect.stringMatching(/^questions\[1\]\.exemplars\[0\]/)]),
    );
    // Positions are those of the original file (the second question keeps index 1).
    expect(issues.find((i) => i.path.startsWith("questions[1]"))!.line).toBeGreaterThan(
      issues.find((i) => i.path === "questions[0].level")!.line!,
    );
  });

  it("a round is not reported as referring to a missing question that is only broken", () => {
    const broken = { ...TINY.questions[0], level: "principal" };
    const issues = problems({ ...TINY, rounds: [{ ...TINY.rounds[0], questions: ["failure-story"] }], questions: [broken] });
    expect(issues.map((i) => i.path)).toEqual(["questions[0].level"]);
  });
});
