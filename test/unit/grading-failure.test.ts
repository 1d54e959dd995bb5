import { describe, expect, it } from "vitest";
import { writtenEquations } from "../../server/grading/checks/index.js";
import { graphHarness } from "../helpers/graph-harness.js";
import { miniPack } from "../helpers/packs.js";

const STORY = "The situation was a launch where we were short on time. The result: we reduced complaints by 40%.";

describe("grading never takes a session down", () => {
  it("reads deeply nested parentheses without overflowing the stack", () => {
    for (const depth of [3_000, 50_000]) {
      const text = `The cost is ${"(".repeat(depth)}2 * 3${")".repeat(depth)} = 6 dollars. Then 2 * 3 = 6.`;
      const found = writtenEquations(text);
      // The sane calculation after the bomb is still read.
      expect(found.some((e) => e.text.startsWith("Then 2 * 3") && e.correct)).toBe(true);
    }
    expect(writtenEquations("(((2 + 3))) * 2 = 10")[0]).toMatchObject({ computed: 10, correct: true });
  });

  it("a question whose grading fails is reported as 'could not be graded'; the session and its report go on", async () => {
    const h = graphHarness(miniPack(), { rounds: ["story", "design"], failGradingOf: "failure-story" });
    await h.start();
    await h.resume({ type: "submit", turnId: "failure-story", text: STORY });
    expect(h.awaiting()?.questionId).toBe("rag-basics");
    const final = await h.resume({ type: "end", turnId: "rag-basics" });
    expect(final.current).toBeNull();
    expect(h.reports).toHaveLength(1);
    const story = h.reports[0]!.rounds[0]!.questions[0]!;
    expect(story.gradingError).toContain("could not be graded");
    expect(story.score).toBe(0);
    expect(story.criteria.every((c) => c.insufficientEvidence && c.feedback.includes("could not be graded"))).toBe(true);
    expect(h.reports[0]!.rounds[1]!.questions[0]!.gradingError).toBeUndefined();
  });
});
