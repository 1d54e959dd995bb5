import type { RegradeOutcome, Report } from "../contracts/index.js";
import { overallScore } from "../grading/index.js";
import { packOf } from "./context.js";
import type { InterviewDeps } from "./deps.js";
import { gradeFinishedQuestion } from "./nodes/grade.js";
import { applyGrades } from "./nodes/report.js";
import { buildReport } from "./report.js";
import type { InterviewStateValue } from "./state.js";

/**
 * How many times the live bound on one reading (GRADING_CPU_MS) a regrade's reading may take: the answer given up
 * live took more than the live bound, and a regrade is asked for on purpose, one session at a time, in its own thread.
 */
export const REGRADE_BOUND_FACTOR = 6;

/**
 * Grade again the questions a finished session's report says could not be graded (`gradingError`: the grader's
 * bound on one reading, GRADING_TIMEOUT, or any failure), from the session's final state, and put each one graded
 * now into the stored report in place of its entry. Everything else in the report stays as saved: the transcript,
 * the other questions, the usage, the completion time; a team's overrides live beside the report and stay too.
 * A question that still cannot be graded keeps its entry and is listed with the new reason.
 *
 * `deps` grade as the interview does, except where the app points them (a thread with a longer bound, no events:
 * the session is over). The report is the record of a finished session (state.ts): the checkpoint is not written.
 */
export async function regradeReport(
  deps: InterviewDeps,
  state: InterviewStateValue,
  stored: Report,
): Promise<RegradeOutcome & { report: Report }> {
  const ungraded = stored.rounds.flatMap((r) => r.questions).filter((q) => q.asked && q.gradingError);
  const outcome: RegradeOutcome = { regraded: [], notGraded: [] };
  if (!ungraded.length) return { ...outcome, report: stored };
  const pack = await packOf(deps, state);
  let report = stored;
  for (const { questionId } of ungraded) {
    const update = await gradeFinishedQuestion(deps, state, questionId);
    const failed = update.gradingErrors?.[questionId];
    if (failed) {
      outcome.notGraded.push({ questionId, gradingError: failed });
      continue;
    }
    const gradingErrors = { ...state.gradingErrors };
    delete gradingErrors[questionId];
    const graded = buildReport({ ...applyGrades(state, update), gradingErrors }, pack, stored.completedAt);
    const entry = graded.rounds.flatMap((r) => r.questions).find((q) => q.questionId === questionId)!;
    const rounds = report.rounds.map((r) => ({ ...r, questions: r.questions.map((q) => (q.questionId === questionId ? entry : q)) }));
    report = { ...report, rounds, overall: overallScore(rounds.flatMap((r) => r.questions).map((q) => q.score)) };
    outcome.regraded.push(questionId);
  }
  return { ...outcome, report };
}
