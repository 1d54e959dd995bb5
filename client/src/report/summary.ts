import type { Report, RoundKind } from "../../../server/contracts/index.js";
import { firstSentence } from "./words.js";

/** One criterion of one question, for the summary's strongest / weakest lists. */
export type CriterionHighlight = {
  key: string;
  title: string;
  questionTitle: string;
  score: number;
  line: string;
};

export type RoundBar = { roundId: string; kind: RoundKind; title: string; score: number; answered: number; questions: number };

export type ReportSummary = {
  rounds: RoundBar[];
  strongest: CriterionHighlight[];
  weakest: CriterionHighlight[];
  /** Criteria below full marks in all, listed or not: an empty "to work on" list must not claim there are none. */
  belowFull: number;
};

const HIGHLIGHTS = 3;

/**
 * The top of a report: a bar per round and the three strongest and three
 * weakest criteria (by score, heavier criteria first on ties), each with one
 * line. A criterion is never in both lists.
 */
export function summariseReport(report: Report): ReportSummary {
  const rounds = report.rounds
    .filter((r) => r.questions.length > 0)
    .map((r) => ({
      roundId: r.roundId,
      kind: r.kind,
      title: r.title,
      score: Math.round(r.questions.reduce((s, q) => s + q.score, 0) / r.questions.length),
      answered: r.questions.filter((q) => q.answered).length,
      questions: r.questions.length,
    }));
  const all = report.rounds.flatMap((r) =>
    r.questions.flatMap((q) =>
      q.criteria.map((c) => ({
        key: `${q.questionId}:${c.criterionId}`,
        title: c.title,
        questionTitle: q.title,
        score: c.score,
        weight: c.weight,
        feedback: c.feedback,
        adds: c.strongAnswerAdds,
      })),
    ),
  );
  const byStrength = [...all].sort((a, b) => b.score - a.score || b.weight - a.weight);
  const strongest = byStrength.filter((c) => c.score >= 3).slice(0, HIGHLIGHTS);
  const taken = new Set(strongest.map((c) => c.key));
  const weakest = [...all]
    .sort((a, b) => a.score - b.score || b.weight - a.weight)
    .filter((c) => !taken.has(c.key) && c.score < 4)
    .slice(0, HIGHLIGHTS);
  return {
    rounds,
    belowFull: all.filter((c) => c.score < 4).length,
    strongest: strongest.map((c) => ({
      key: c.key,
      title: c.title,
      questionTitle: c.questionTitle,
      score: c.score,
      line: firstSentence(c.feedback),
    })),
    // For a weak criterion the useful line is what a strong answer adds, when the pack says.
    weakest: weakest.map((c) => ({
      key: c.key,
      title: c.title,
      questionTitle: c.questionTitle,
      score: c.score,
      line: firstSentence(c.adds ?? c.feedback),
    })),
  };
}
