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

  describe("a question that fails the schema still has its cross-checks run", () => {
    const good = TINY.questions[0];
    const criterion = good.rubric[0];
    const withEnough = (c: object) => ({ ...c, evidence: { ...criterion.evidence, enough: 5 } });
    const byPath = (issues: ReturnType<typeof problems>) => Object.fromEntries(issues.map((i) => [i.path, i.code]));

    it("a schema error elsewhere in the question and an enough larger than the list: both, with codes", () => {
      const q = { ...good, level: "principal", rubric: [withEnough(criterion)] };
      expect(byPath(problems({ ...TINY, questions: [q] }))).toEqual({
        "questions[0].level": "schema",
        "questions[0].rubric[0].evidence.enough": "enough-too-large",
      });
    });

    it("a schema error in the same criterion (anchors missing, weight negative) does not hide its enough", () => {
      const { anchors: _anchors, ...noAnchors } = withEnough(criterion) as Record<string, unknown>;
      const issues = problems({ ...TINY, questions: [{ ...good, rubric: [{ ...noAnchors, weight: -1 }] }] });
      expect(byPath(issues)).toEqual({
        "questions[0].rubric[0].anchors": "schema",
        "questions[0].rubric[0].weight": "schema",
        "questions[0].rubric[0].evidence.enough": "enough-too-large",
      });
      expect(issues.find((i) => i.code === "enough-too-large")!.message).toMatch(/enough is 5 but the criterion lists only 3/);
    });

    it("reads exemplars against the criteria when every criterion id can be read", () => {
      const q = { ...good, title: "", exemplars: [{ ...good.exemplars[0], scores: { nonsense: 2 } }] };
      expect(byPath(problems({ ...TINY, questions: [q] }))).toEqual({
        "questions[0].title": "schema",
        "questions[0].exemplars[0].scores.nonsense": "exemplar-unknown-criterion",
        "questions[0].exemplars[0].scores": "exemplar-unscored-criterion",
      });
    });

    it("leaves out a check whose input is what the schema rejected", () => {
      // The criterion's id is broken: which criteria an exemplar must score is unknown, so nothing is said about scores.
      const q = { ...good, rubric: [{ ...criterion, id: "Not A Slug" }] };
      expect(byPath(problems({ ...TINY, questions: [q] }))).toEqual({ "questions[0].rubric[0].id": "schema" });
      // The evidence is broken: its enough is not read.
      const e = { ...good, rubric: [{ ...criterion, evidence: { concepts: [], enough: 9 } }] };
      expect(Object.values(byPath(problems({ ...TINY, questions: [e] })))).toEqual(["schema"]);
      // A kind the schema rejects: no "only coding questions carry ..." guess.
      const k = { ...good, kind: "trivia", starterCode: { python: "def f(): pass" } };
      expect(Object.values(byPath(problems({ ...TINY, questions: [k] })))).not.toContain("not-coding");
    });

    it("finds a duplicate question id between a broken question and a sound one", () => {
      const issues = problems({ ...TINY, questions: [{ ...good, level: "principal" }, good] });
      expect(byPath(issues)).toMatchObject({ "questions[1].id": "duplicate-question-id" });
    });
  });
});
