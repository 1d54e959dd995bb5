import { packOf } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import { buildReport } from "../report.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";

/** Finish: hand the report to the store, then tell the client where it is. */
export const makeReportNode = (deps: InterviewDeps) => async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
  const judge = deps.judge ? { model: deps.judge.model, promptVersion: deps.judge.promptVersion } : null;
  const report = buildReport(state, await packOf(deps, state), deps.now(), judge, { prices: deps.prices, tokenBudget: deps.tokenBudget });
  await deps.sink.saveReport(report);
  const questions = report.rounds.flatMap((r) => r.questions);
  await deps.emit(state.sessionId, "session:complete", {
    reportUrl: `/report/${state.sessionId}`,
    summary: { overall: report.overall, questions: questions.length, answered: questions.filter((q) => q.answered).length },
  });
  return { status: "complete", current: null, roundEndsAt: null };
};
