import { packOf } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import { buildReport } from "../report.js";
import { addUsage, type SessionUsage } from "../usage-record.js";
import { gradeFinishedQuestion } from "./grade.js";
import type { GradeUpdate, InterviewStateUpdate, InterviewStateValue } from "../state.js";

/**
 * Finish: collect the grades graded off the critical path (and grade any a
 * crash lost), hand the report to the store, then tell the client where it is.
 */
export const makeReportNode =
  (deps: InterviewDeps) =>
  async (before: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const late = deps.gradeLater ? await deps.gradeLater.settle(before.sessionId) : [];
    let state = late.reduce(applyGrades, before);
    const collected: GradeUpdate[] = [...late];
    for (const questionId of Object.keys(state.transcript)) {
      if (state.grades[questionId]) continue;
      const update = await gradeFinishedQuestion(deps, state, questionId);
      collected.push(update);
      state = applyGrades(state, update);
    }
    const judge = deps.judge ? { model: deps.judge.model, promptVersion: deps.judge.promptVersion } : null;
    const report = buildReport(state, await packOf(deps, state), deps.now(), judge, { prices: deps.prices, tokenBudget: deps.tokenBudget });
    await deps.sink.saveReport(report);
    const questions = report.rounds.flatMap((r) => r.questions);
    await deps.emit(
      state.sessionId,
      "session:complete",
      {
        reportUrl: `/report/${state.sessionId}`,
        summary: { overall: report.overall, questions: questions.length, answered: questions.filter((q) => q.answered).length },
      },
      "session:complete",
    );
    return {
      current: null,
      roundEndsAt: null,
      grades: state.grades,
      integrityFlags: state.integrityFlags,
      judgeStatus: state.judgeStatus,
      labStatus: state.labStatus,
      testReports: state.testReports,
      gradingErrors: state.gradingErrors,
      usage: collected.reduce<SessionUsage>((u, c) => addUsage(u, c.usage ?? {}), {}),
    };
  };

/** A grading result folded into the state, as the graph's reducers would. */
export function applyGrades(state: InterviewStateValue, u: GradeUpdate): InterviewStateValue {
  return {
    ...state,
    grades: { ...state.grades, ...u.grades },
    integrityFlags: { ...state.integrityFlags, ...u.integrityFlags },
    judgeStatus: { ...state.judgeStatus, ...u.judgeStatus },
    labStatus: { ...state.labStatus, ...u.labStatus },
    testReports: { ...state.testReports, ...u.testReports },
    gradingErrors: { ...state.gradingErrors, ...u.gradingErrors },
    usage: addUsage(state.usage, u.usage ?? {}),
  };
}
