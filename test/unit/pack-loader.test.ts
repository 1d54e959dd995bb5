import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePack, PackValidationError, type PackIssue } from "../../server/scenarios/index.js";
import { FIXTURE_PACKS_DIR } from "../helpers/packs.js";

const MINI = readFileSync(`${FIXTURE_PACKS_DIR}mini/pack.yaml`, "utf8");

function issuesOf(text: string): PackIssue[] {
  try {
    parsePack(text, "broken.yaml");
  } catch (err) {
    if (err instanceof PackValidationError) return err.issues;
    throw err;
  }
  throw new Error("expected the pack to be rejected");
}

describe("pack loader", () => {
  it("accepts the fixture pack and fills defaults", () => {
    const pack = parsePack(MINI, "mini.yaml");
    expect(pack.questions.find((q) => q.id === "cost-estimate")!.maxFollowUps).toBe(1);
    expect(pack.rounds[1]!.pick).toBe(1);
  });

  it("reports YAML syntax errors with line and column", () => {
    const [issue] = issuesOf("id: x\nrounds: [a, b\n");
    expect(issue).toMatchObject({ file: "broken.yaml", line: expect.any(Number) });
    expect(issue!.message).toMatch(/^YAML syntax/);
  });

  it("names the path, line and expectation of a schema error", () => {
    const text = MINI.replace("weight: 3", "weight: -3");
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    const expectedLine = text.split("\n").findIndex((l) => l.includes("weight: -3")) + 1;
    expect(issues[0]).toMatchObject({ path: "questions[0].rubric[1].weight", line: expectedLine });
    expect(issues[0]!.message).toMatch(/>0|positive|greater/i);
  });

  it("catches what a schema cannot: missing and mismatched questions, unknown exemplar criteria, duplicates", () => {
    const text = MINI.replace("questions: [failure-story]", "questions: [failure-story, ghost, retry]")
      .replace("scores: { retrieval: 4, evaluation: 4 }", "scores: { retrieval: 4, evalution: 4 }")
      .replace("- id: cost-estimate", "- id: rag-basics");
    const messages = issuesOf(text).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^questions\[1\]\.id: duplicate question id "rag-basics"/),
        expect.stringMatching(/^questions\[0\]\.exemplars\[0\]\.scores\.evalution: scores unknown criterion/),
        expect.stringMatching(/^rounds\[1\]\.questions\[1\]: refers to missing question "ghost"/),
        expect.stringMatching(/^rounds\[1\]\.questions\[2\]: question "retry" is a coding question but the round is behavioural/),
      ]),
    );
  });
});
