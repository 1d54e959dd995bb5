import type { TestReport } from "../../contracts/index.js";
import { gradeQuestion, gradingCriteria, questionScore, type TestEvidence } from "../../grading/index.js";
import type { Question } from "../../scenarios/index.js";
import { packOf, questionById } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";

/** Grade the finished question on all its turns; practice mode hears the result at once. */
export const makeGradeNode = (deps: InterviewDeps) => async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
  const current = state.current;
  if (!current) throw new Error("grade reached with no current question");
  const pack = await packOf(deps, state);
  const question = questionById(pack, current.baseQuestionId);
  const turns = state.transcript[question.id] ?? [];
  const tests = await runFinalCode(deps, question, turns.map((t) => t.answer));
  const modelAnswers = pack.questions.flatMap((q) => q.exemplars.map((e) => e.answer));
  const { scores, flags } = gradeQuestion(question, turns.map((t) => t.answer), { tests, modelAnswers });
  const criteria = gradingCriteria(question);
  await deps.sink.saveGrades(state.sessionId, question.id, scores);
  if (state.mode === "practice") {
    await deps.emit(state.sessionId, "feedback", {
      questionId: question.id,
      score: questionScore(criteria, scores),
      criteria: scores.map((s) => ({
        criterionId: s.criterionId,
        title: criteria.find((c) => c.id === s.criterionId)?.title ?? s.criterionId,
        score: s.score,
        feedback: s.feedback,
      })),
    });
  }
  return {
    grades: { [question.id]: scores },
    integrityFlags: { [question.id]: flags },
    ...(tests && "report" in tests ? { testReports: { [question.id]: tests.report } } : {}),
    current: null,
  };
};

/** The last code the candidate submitted for this question (follow-ups may revise it), run on every test. */
async function runFinalCode(deps: InterviewDeps, question: Question, answers: ({ code?: string; language?: string } | null)[]): Promise<TestEvidence | undefined> {
  if (!question.coding) return undefined;
  const final = [...answers].reverse().find((a) => a?.code?.trim());
  if (!final?.code) return undefined;
  if (!deps.runTests) return { notRun: "no code sandbox is configured on this server" };
  const language = (final.language ?? Object.keys(question.coding.entrypoint)[0]) as "python" | "typescript";
  if (!question.coding.entrypoint[language]) return { notRun: `this question has no ${language} version` };
  try {
    const report: TestReport = await deps.runTests(question, language, final.code);
    return { report };
  } catch (err) {
    return { notRun: (err as Error).message };
  }
}

/** Move the cursor; the router decides whether another question fits. */
export const nextNode = async (state: InterviewStateValue): Promise<InterviewStateUpdate> => ({
  questionIndex: state.questionIndex + 1,
});
