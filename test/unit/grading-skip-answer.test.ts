import { describe, expect, it } from "vitest";
import { gradeQuestion, isSkip } from "../../server/grading/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

// The socket contract tells a candidate to submit "skip" to move on. A pack whose own key point is the word
// "skip" or "pass" (a step to skip, a test that should pass) must not pay a candidate for skipping.
const pack = oneCriterionPack({
  prompt: "A nightly eval job re-runs every test case even when nothing changed. What would you change, and how do you know it works?",
  concepts: [
    { label: "skip unchanged cases", terms: ["skip"] },
    { label: "the suite must still pass", terms: ["pass"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer: "Hash each case's inputs and skip the ones whose hash did not change; the full suite must still pass weekly.",
    },
    { level: "weak", score: 1, answer: "Run it less often." },
  ],
});
const question = pack.questions[0]!;

describe("a skipped question earns nothing, whatever the pack's terms", () => {
  it.each(["skip", "Skip.", "pass", "next", "I don't know", "no idea!", "  not sure  "])("%j is not answered", (text) => {
    expect(isSkip(text)).toBe(true);
    const { score, criterion } = gradeOne(pack, text);
    expect(score).toBe(0);
    expect(criterion.notGraded).toBe("not-answered");
    expect(criterion.evidence).toEqual([]);
  });

  it("a real answer that uses the word still earns it", () => {
    for (const text of ["Skip the cases whose inputs did not change.", "Skip unchanged cases, and check the suite still passes."]) {
      expect(isSkip(text)).toBe(false);
      const { criterion } = gradeOne(pack, text);
      expect(criterion.notGraded).toBeUndefined();
      expect(criterion.evidence.map((e) => e.note)).toContain("skip unchanged cases");
    }
  });

  it("a skipped follow-up takes nothing from the answer before it", () => {
    const first = { text: "Hash each case's inputs and skip the cases whose hash is unchanged." };
    const alone = gradeQuestion(question, [first], { pack }).scores[0]!;
    const withSkip = gradeQuestion(question, [first, { text: "skip" }], { pack }).scores[0]!;
    expect(withSkip.score).toBe(alone.score);
    expect(withSkip.evidence).toEqual(alone.evidence);
  });

  it("code submitted with the word is an answer, not a skip", () => {
    const graded = gradeQuestion(
      question,
      [{ text: "skip", code: "if digest(case) == previous[case.id]:\n    continue", language: "python" }],
      {
        pack,
      },
    ).scores[0]!;
    expect(graded.notGraded).toBeUndefined();
  });
});
