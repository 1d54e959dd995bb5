import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { criterionGaps, gradeQuestion, prepareAnswer, weakestCriterion, type CriterionGap } from "../../server/grading/index.js";
import { defaultVariantPack, loadPacksFromDir, type Question } from "../../server/scenarios/index.js";

/**
 * The order the brief asks for, written out independently: lowest level first, then weight, then rubric order; top
 * level never, and never a criterion the grade puts at the top (`atTop`).
 */
function expectedPick(question: Question, gaps: CriterionGap[], atTop: ReadonlySet<string> = new Set()): string | undefined {
  return gaps
    .filter((g) => g.level < 4 && !atTop.has(g.criterion.id))
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
        const atTop = new Set(
          gradeQuestion(question, [answer])
            .scores.filter((s) => s.score === 4)
            .map((s) => s.criterionId),
        );
        const pick = weakestCriterion(question, [answer]);
        expect(pick?.criterion.id).toBe(expectedPick(question, gaps, atTop));
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

  it("never probes a criterion the grade puts at the top: answers in the candidate's own words (outside tester, session 21)", () => {
    const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
    const byId = new Map(pack.questions.map((q) => [q.id, q]));
    const rows = ["behavioural", "system-design", "prompt-debugging"].flatMap(
      (file) =>
        parse(readFileSync(new URL(`../fixtures/calibration/${file}.yaml`, import.meta.url), "utf8")) as {
          questionId: string;
          answer: string;
        }[],
    );
    let allTop = 0;
    let picks = 0;
    for (const row of rows) {
      const question = byId.get(row.questionId);
      if (!question) continue;
      const answers = [{ text: row.answer }];
      const graded = new Map(gradeQuestion(question, answers, { pack }).scores.map((s) => [s.criterionId, s.score]));
      const pick = weakestCriterion(question, answers, { pack });
      if (question.rubric.every((c) => graded.get(c.id) === 4)) {
        allTop++;
        expect(pick, `${row.questionId}: every criterion graded 4`).toBeUndefined();
      }
      if (pick) {
        picks++;
        expect(graded.get(pick.criterion.id), `${row.questionId}: probes ${pick.criterion.id}`).toBeLessThan(4);
      }
    }
    // The rows hold both: answers graded 4 throughout (where the key-point level alone left a gap) and answers to probe.
    expect(allTop).toBeGreaterThan(3);
    expect(picks).toBeGreaterThan(10);
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
