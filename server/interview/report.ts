import type { Report, ReportQuestion, Usage } from "../contracts/index.js";
import { budgetUsedUp } from "../llm/index.js";
import { GRADER_VERSION, gradingCriteria, overallScore, questionScore } from "../grading/index.js";
import { exemplarsWithoutSecrets, shownValues, type Pack, type Question } from "../scenarios/index.js";
import { questionById } from "./context.js";
import type { InterviewStateValue } from "./state.js";

/** The scored transcript, assembled from the final graph state. */
export function buildReport(
  state: InterviewStateValue,
  pack: Pack,
  completedAt: number,
  judge: { model: string; promptVersion: string } | null = null,
  costs: { prices?: Record<string, { input: number; output: number }> | undefined; tokenBudget?: number | null | undefined } = {},
): Report {
  const rounds = state.interviewPlan.rounds.map((round) => ({
    roundId: round.roundId,
    kind: round.kind,
    title: round.title,
    endReason: state.roundResults[round.roundId] ?? "ended",
    questions: round.questionIds.map((id): ReportQuestion => {
      const question = questionById(pack, id);
      const turns = state.transcript[id] ?? [];
      const scores = state.grades[id] ?? [];
      const criteria = gradingCriteria(question);
      const tests = state.testReports[id];
      // Hints for a question never asked would hand out the rubric of a question the candidate may sit later.
      const asked = turns.length > 0;
      const gradingError = state.gradingErrors?.[id];
      const variables = shownValues(question);
      const exemplar = asked ? shownExemplar(pack, question) : undefined;
      return {
        questionId: id,
        // Only the id, which the start's plan already gave: a question never reached shows nothing of itself.
        title: asked ? question.title : NOT_REACHED,
        asked,
        ...(gradingError ? { gradingError } : {}),
        answered: turns.some((t) => t.answer !== null),
        score: questionScore(criteria, scores),
        turns,
        ...(tests ? { tests } : {}),
        ...(variables ? { variables } : {}),
        flags: state.integrityFlags[id] ?? [],
        judge: state.judgeStatus[id] ?? { status: "off", message: "no judge model configured" },
        ...(state.labStatus[id] ? { lab: state.labStatus[id] } : {}),
        criteria: (asked ? scores : []).map((s) => {
          const criterion = criteria.find((c) => c.id === s.criterionId);
          return {
            ...s,
            title: criterion?.title ?? s.criterionId,
            weight: criterion?.weight ?? 0,
            ...(asked && criterion?.strongAnswerAdds ? { strongAnswerAdds: criterion.strongAnswerAdds } : {}),
          };
        }),
        ...(exemplar ? { exemplar } : {}),
      };
    }),
  }));
  const all = rounds.flatMap((r) => r.questions);
  return {
    sessionId: state.sessionId,
    packId: state.packId,
    packVersion: state.packVersion,
    packTitle: pack.title,
    mode: state.mode,
    level: state.level,
    startedAt: state.startedAt,
    completedAt,
    overall: overallScore(all.map((q) => q.score)),
    graderVersion: GRADER_VERSION,
    judgeModel: judge?.model ?? null,
    judgePromptVersion: judge?.promptVersion ?? null,
    usage: usageReport(state, costs.prices ?? {}, costs.tokenBudget ?? null),
    rounds,
  };
}

/** What a report calls a planned question the session never reached. */
const NOT_REACHED = "Not reached";

/** The strong exemplar the report may show, when the pack allows it (packs stored before the setting existed have no `report`). */
function shownExemplar(pack: Pack, question: Question): string | undefined {
  if (pack.report?.showExemplars !== true) return undefined;
  return exemplarsWithoutSecrets(question).find((e) => e.level === "strong")?.answer;
}

/** Tokens per model, totals, and the estimated cost at the configured prices (null if a price is unknown). */
function usageReport(state: InterviewStateValue, prices: Record<string, { input: number; output: number }>, budget: number | null): Usage {
  const entries = Object.entries(state.usage);
  const total = (k: "calls" | "inputTokens" | "outputTokens") => entries.reduce((n, [, u]) => n + u[k], 0);
  const priced = entries.every(([model]) => prices[model]);
  const cost = entries.reduce(
    (usd, [model, u]) => usd + (prices[model] ? (u.inputTokens * prices[model]!.input + u.outputTokens * prices[model]!.output) / 1e6 : 0),
    0,
  );
  const used = total("inputTokens") + total("outputTokens");
  return {
    calls: total("calls"),
    inputTokens: total("inputTokens"),
    outputTokens: total("outputTokens"),
    costUsd: priced ? Math.round(cost * 1e8) / 1e8 : null,
    budgetTokens: budget,
    budgetExhausted: budget !== null && budgetUsedUp(budget - used),
    byModel: state.usage,
  };
}
