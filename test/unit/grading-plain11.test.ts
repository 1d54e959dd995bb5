import { describe, expect, it } from "vitest";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { checkFaultClass } from "../../server/grading/checks/prompt-debugging.js";

// Plain answers on the built-in pack (session 21, branch `plain11`). These sentences are not rows of
// test/fixtures/plain11 (held or tuning).
const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;
const rewrite = pack.questions.find((q) => q.id === "query-rewrite-drops-constraints")!;
const diagnosis = rewrite.rubric.find((c) => c.id === "diagnosis")!;
const criterionOf = (text: string, id: string) => gradeQuestion(rewrite, [{ text }], { pack }).scores.find((s) => s.criterionId === id)!;

describe("a sentence that names one key point's term may state another in other words", () => {
  it("credits the fix stated beside a term of the diagnosis", () => {
    // "filter" is a term of the diagnosis's "metadata filters unused"; until session 21 a sentence naming any term
    // was read by the terms alone, so the fix it states in plain words earned nothing.
    const text =
      "Our rewriter should hand back the things to avoid and the time limit on their own, and then we filter the recipes on their ingredient list and cooking time in code.";
    const fix = criterionOf(text, "fix");
    expect(fix.feedback).toMatch(/applied as filters in code/);
    expect(fix.feedback).not.toMatch(/Not shown: [^.]*applied as filters in code/);
    expect(fix.score).toBeGreaterThanOrEqual(1);
  });

  it("still gives nothing to a point the sentence denies", () => {
    const text = "We never filter anything in code; the rewriter keeps sending keywords and nothing is checked afterwards.";
    expect(criterionOf(text, "fix").score).toBe(0);
  });
});

describe("the fault named in plain words", () => {
  it("passes when it names the layer the criterion blames", () => {
    for (const text of [
      "The real cause is the rewrite prompt.",
      "Fault is in the rewrite prompt.",
      "The rewriter prompt is to blame here.",
    ])
      expect(checkFaultClass(text, diagnosis).passed, text).toBe(true);
  });

  it("fails when it blames another layer, denies it, or has no criterion to read the layer from", () => {
    expect(checkFaultClass("The search index is the real cause.", diagnosis).passed).toBe(false);
    expect(checkFaultClass("The real cause is not the rewrite prompt.", diagnosis).passed).toBe(false);
    expect(checkFaultClass("The real cause is the rewrite prompt.").passed).toBe(false);
  });

  it("still accepts the rubric's own phrasing for any layer", () => {
    expect(checkFaultClass("It's a retrieval problem.", diagnosis).passed).toBe(true);
  });
});
