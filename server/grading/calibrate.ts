import type { Pack, RoundKind } from "../scenarios/index.js";
import { agreement, type Agreement } from "./agreement.js";
import { gradeQuestion } from "./grade-question.js";
import { questionScore } from "./aggregate.js";

export type Disagreement = { questionId: string; exemplar: string; criterionId: string; label: number; predicted: number };
export type OrderingProblem = { questionId: string; scores: Record<string, number> };

export type CalibrationResult = {
  overall: Agreement;
  byKind: Partial<Record<RoundKind, Agreement>>;
  worst: Disagreement[];
  /** Questions whose exemplars do not grade strong > adequate > weak. */
  misordered: OrderingProblem[];
};

/** Grade every exemplar of a pack and compare with its labelled criterion scores. */
export function calibratePack(pack: Pack, worstCount = 10): CalibrationResult {
  const pairs: (Disagreement & { kind: RoundKind })[] = [];
  const misordered: OrderingProblem[] = [];
  for (const q of pack.questions) {
    const totals: Record<string, number> = {};
    for (const ex of q.exemplars) {
      const answer = q.kind === "coding" ? { code: ex.answer, language: "python" as const } : { text: ex.answer };
      // Every other model answer in the pack still counts as "copied" text; this one is the answer.
      const { scores } = gradeQuestion(q, [answer], { pack, gradingExemplar: ex.answer });
      totals[ex.level] = questionScore(q.rubric, scores);
      for (const s of scores) {
        const label = ex.scores[s.criterionId];
        if (label !== undefined)
          pairs.push({ kind: q.kind, questionId: q.id, exemplar: ex.level, criterionId: s.criterionId, label, predicted: s.score });
      }
    }
    const { strong, adequate, weak } = totals;
    if (strong !== undefined && adequate !== undefined && weak !== undefined && !(strong > adequate && adequate > weak)) {
      misordered.push({ questionId: q.id, scores: totals });
    }
  }
  const byKind: Partial<Record<RoundKind, Agreement>> = {};
  for (const kind of new Set(pairs.map((p) => p.kind))) byKind[kind] = agreement(pairs.filter((p) => p.kind === kind));
  const worst = [...pairs]
    .sort((a, b) => Math.abs(b.label - b.predicted) - Math.abs(a.label - a.predicted))
    .filter((p) => p.label !== p.predicted)
    .slice(0, worstCount)
    .map(({ kind: _kind, ...rest }) => rest);
  return { overall: agreement(pairs), byKind, worst, misordered };
}

/** An answer labelled by a person, criterion by criterion (e.g. test/fixtures/calibration/*.yaml). */
export type LabelledAnswer = { questionId: string; kind?: string; answer: string; scores: Record<string, number> };

/** Agreement on answers labelled independently of the grader: the honest calibration figure. */
export function calibrateLabelled(
  pack: Pack,
  items: LabelledAnswer[],
  worstCount = 10,
): CalibrationResult & { unknownQuestions: string[] } {
  const pairs: (Disagreement & { kind: RoundKind })[] = [];
  const unknownQuestions: string[] = [];
  for (const item of items) {
    const q = pack.questions.find((x) => x.id === item.questionId);
    if (!q) {
      unknownQuestions.push(item.questionId);
      continue;
    }
    const body = q.kind === "coding" ? { code: item.answer, language: "python" as const } : { text: item.answer };
    for (const s of gradeQuestion(q, [body], { pack }).scores) {
      const label = item.scores[s.criterionId];
      if (label !== undefined)
        pairs.push({
          kind: q.kind,
          questionId: q.id,
          exemplar: item.kind ?? "answer",
          criterionId: s.criterionId,
          label,
          predicted: s.score,
        });
    }
  }
  const byKind: Partial<Record<RoundKind, Agreement>> = {};
  for (const kind of new Set(pairs.map((p) => p.kind))) byKind[kind] = agreement(pairs.filter((p) => p.kind === kind));
  const worst = [...pairs]
    .filter((p) => p.label !== p.predicted)
    .sort((a, b) => Math.abs(b.label - b.predicted) - Math.abs(a.label - a.predicted))
    .slice(0, worstCount)
    .map(({ kind: _kind, ...rest }) => rest);
  return { overall: agreement(pairs), byKind, worst, misordered: [], unknownQuestions };
}
