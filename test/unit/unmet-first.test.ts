import { describe, expect, it } from "vitest";
import { firstUnmetCriterion, prepareAnswer, unmetCriteria } from "../../server/grading/index.js";
import { defaultVariantPack, loadPacksFromDir } from "../../server/scenarios/index.js";

describe("firstUnmetCriterion (the follow-up's pick, reading criteria only until one is unmet)", () => {
  it("picks what unmetCriteria ranks first, for empty, weak, strong and partial answers on the built-in pack", () => {
    const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
    let compared = 0;
    let differentPicks = 0;
    for (const question of pack.questions.slice(0, 40)) {
      const answers = [
        { text: "We would use RAG over the help centre with embeddings and a vector index." },
        ...question.exemplars.map((e) => (question.coding ? { code: e.answer, language: "python" as const } : { text: e.answer })),
      ];
      for (const answer of answers) {
        const all = unmetCriteria(question, [answer]);
        expect(firstUnmetCriterion(question, [answer])?.id).toBe(all[0]?.id);
        compared++;
        if (all[0]?.id !== question.rubric[0]?.id) differentPicks++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // The cases cover picks other than the rubric's first criterion (the ordering matters).
    expect(differentPicks).toBeGreaterThan(0);
  });
});

describe("one reading of an answer per step (the follow-up decision, its quote and the grade)", () => {
  const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
  const question = pack.questions.find((q) => !q.coding && q.exemplars.some((e) => e.level === "strong"))!;
  const strong = question.exemplars.find((e) => e.level === "strong")!.answer;

  it("reads the same answers once with the pack, again when they change", () => {
    const answers = [{ text: "We would add an evaluation set and track retrieval recall before shipping." }];
    const first = prepareAnswer(question, answers, { pack });
    expect(prepareAnswer(question, [{ ...answers[0]! }], { pack })).toBe(first);
    expect(prepareAnswer(question, [...answers, { text: "And a canary release." }], { pack })).not.toBe(first);
    // Calibration's reading (the exemplar is not a copy of itself) is never shared with the interview's.
    expect(prepareAnswer(question, answers, { pack, gradingExemplar: strong })).not.toBe(first);
    expect(Object.isFrozen(first.flags)).toBe(true);
  });

  it("the follow-up decision reads a pasted model answer as grading does: a copy, so nothing in it is met", () => {
    const pasted = [{ text: strong }];
    expect(prepareAnswer(question, pasted, { pack }).flags.map((f) => f.kind)).toContain("copied-model-answer");
    expect(firstUnmetCriterion(question, pasted, { pack })?.id).toBe(unmetCriteria(question, pasted, { pack })[0]?.id);
    expect(unmetCriteria(question, pasted, { pack }).length).toBe(question.rubric.length);
  });
});
