import { gradeQuestion, questionScore } from "../../grading/index.js";
import { packOf, questionById } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";

/** Grade the finished question on all its turns; practice mode hears the result at once. */
export const makeGradeNode = (deps: InterviewDeps) => async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
  const current = state.current;
  if (!current) throw new Error("grade reached with no current question");
  const question = questionById(await packOf(deps, state), current.baseQuestionId);
  const turns = state.transcript[question.id] ?? [];
  const scores = gradeQuestion(question, turns.map((t) => t.answer));
  await deps.sink.saveGrades(state.sessionId, question.id, scores);
  if (state.mode === "practice") {
    await deps.emit(state.sessionId, "feedback", {
      questionId: question.id,
      score: questionScore(question.rubric, scores),
      criteria: scores.map((s) => ({
        criterionId: s.criterionId,
        title: question.rubric.find((c) => c.id === s.criterionId)?.title ?? s.criterionId,
        score: s.score,
        feedback: s.feedback,
      })),
    });
  }
  return { grades: { [question.id]: scores }, current: null };
};

/** Move the cursor; the router decides whether another question fits. */
export const nextNode = async (state: InterviewStateValue): Promise<InterviewStateUpdate> => ({
  questionIndex: state.questionIndex + 1,
});
