import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir, PackValidationError, parsePackLocated, type Question } from "../../server/scenarios/index.js";

const TINY = parse(readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8"));

/** The tiny pack with its one criterion's evidence replaced. */
function withEvidence(evidence: { concepts?: unknown[]; checks?: string[] }) {
  const [question] = TINY.questions;
  const [criterion] = question.rubric;
  return { ...TINY, questions: [{ ...question, rubric: [{ ...criterion, evidence }] }] };
}

function issues(pack: unknown) {
  try {
    parsePackLocated(stringify(pack), "editor");
  } catch (err) {
    if (err instanceof PackValidationError) return err.issues;
    throw err;
  }
  return [];
}

// Running without a model key is a normal way to run (README). fix-works is then skipped and left out of the count;
// a criterion with nothing else was scored 0 for every answer, however good. Such a pack is refused when validated.
describe("a criterion graded only by checks that need a model", () => {
  it("scored 0 offline for every answer, the strongest included: the reason it is refused", () => {
    const pack = withEvidence({ concepts: [], checks: ["fix-works"] });
    // Built past validation, as a pack stored before the rule would be.
    const question = { ...pack.questions[0], rubric: [{ ...pack.questions[0].rubric[0], probes: [] }] } as Question;
    const strong = question.exemplars.find((e) => e.level === "strong")!.answer;
    const [score] = gradeQuestion(question, [{ text: strong }]).scores;
    expect(score!.score).toBe(0);
  });

  it("is refused at validation with a stable code, at the criterion's checks, saying what to add", () => {
    const found = issues(withEvidence({ concepts: [], checks: ["fix-works"] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "criterion-needs-model", path: "questions[0].rubric[0].evidence.checks" });
    expect(found[0]!.message).toContain('criterion "star" is graded only by fix-works');
    expect(found[0]!.message).toContain("Add a concept, or a check that runs offline (fixed-prompt)");
  });

  it("beside a check that runs offline, or a concept, fix-works is allowed (skipped offline, counted with a model)", () => {
    expect(issues(withEvidence({ concepts: [], checks: ["fixed-prompt", "fix-works"] }))).toEqual([]);
    expect(issues(withEvidence({ concepts: [{ label: "label set", terms: ["allowed labels"] }], checks: ["fix-works"] }))).toEqual([]);
  });

  it("the shipped packs pass: every fix-works there stands beside fixed-prompt", () => {
    // Loading a folder runs the cross-checks; a refused criterion would throw here.
    const packs = loadPacksFromDir("scenarios");
    const withFixWorks = packs
      .flatMap((p) => p.questions)
      .flatMap((q) => q.rubric)
      .filter((c) => c.evidence.checks.includes("fix-works"));
    expect(withFixWorks.length).toBeGreaterThan(0);
  });
});
