import { describe, expect, it } from "vitest";
import { criterionGaps, prepareAnswer, weakestCriterion, type CriterionGap } from "../../server/grading/index.js";
import { defaultVariantPack, loadPacksFromDir, type Question } from "../../server/scenarios/index.js";

/** The order the brief asks for, written out independently: lowest level first, then weight, then rubric order; top level never. */
function expectedPick(question: Question, gaps: CriterionGap[]): string | undefined {
  return gaps
    .filter((g) => g.level < 4)
    .sort(
      (a, b) =>
        a.level - b.level ||
        b.criterion.weight - a.criterion.weight ||
        question.rubric.indexOf(a.criterion) - question.rubric.indexOf(b.criterion),
    )[0]?.criterion.id;
}

describe("weakestCriterion (the follow-up's pick, reading criteria only until none can be weaker)", () => {
  it("picks what ranking every criterion's gap picks, for empty, weak, strong and partial answers on the built-in pack", () => {
    const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
    let compared = 0;
    let partlyMetPicks = 0;
    let noPick = 0;
    for (const question of pack.questions.slice(0, 40)) {
      const answers = [
        { text: "We would use RAG over the help centre with embeddings and a vector index." },
        ...question.exemplars.map((e) => (question.coding ? { code: e.answer, language: "python" as const } : { text: e.answer })),
      ];
      for (const answer of answers) {
        const gaps = criterionGaps(question, [answer]);
        const pick = weakestCriterion(question, [answer]);
        expect(pick?.criterion.id).toBe(expectedPick(question, gaps));
        compared++;
        if (pick && pick.level > 0) partlyMetPicks++;
        if (!pick) noPick++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // The cases cover a pick of a criterion that shows some evidence (the gap, not only "nothing stated", decides)
    // and answers with nothing left to probe.
    expect(partlyMetPicks).toBeGreaterThan(0);
    expect(noPick).toBeGreaterThan(0);
  });

  it("counts key points as grading does: the share of what a full answer needs, at least 1 once one is stated", () => {
    const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
    const question = pack.questions.find(
      (q) => !q.coding && q.rubric.some((c) => c.evidence.concepts.length >= 3 && !c.evidence.checks.length),
    )!;
    const criterion = question.rubric.find((c) => c.evidence.concepts.length >= 3 && !c.evidence.checks.length)!;
    const first = criterion.evidence.concepts[0]!;
    const gap = criterionGaps(question, [{ text: `I would use ${first.terms[0]} here, because it keeps the design simple.` }]).find(
      (g) => g.criterion.id === criterion.id,
    )!;
    expect(gap.covered).toEqual([first.label]);
    expect(gap.missing).toEqual(criterion.evidence.concepts.slice(1).map((c) => c.label));
    const needed = Math.min(criterion.evidence.concepts.length, criterion.evidence.enough ?? Infinity);
    expect(gap.level).toBe(Math.max(1, Math.round(4 / needed)));
    expect(gap.level).toBeLessThan(4);
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
    const gaps = criterionGaps(question, pasted, { pack });
    expect(gaps.every((g) => g.level === 0 && g.covered.length === 0)).toBe(true);
    expect(weakestCriterion(question, pasted, { pack })?.criterion.id).toBe(expectedPick(question, gaps));
    // Without the pack (no copy check) the same text meets criteria: the pack is what set it aside.
    expect(criterionGaps(question, pasted).some((g) => g.level > 0)).toBe(true);
  });
});
