import { describe, expect, it } from "vitest";
import { firstUnmetCriterion, unmetCriteria } from "../../server/grading/index.js";
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
