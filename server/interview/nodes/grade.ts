import {
  extractFixedPrompt,
  gradeQuestion,
  isSkipAnswer,
  withTestRun,
  gradingCriteria,
  MANIPULATION,
  mergeJudge,
  questionScore,
  runOnTests,
  type LabEvidence,
  type QuestionGrade,
  type TestEvidence,
} from "../../grading/index.js";
import { budgetUsedUp, type TurnMeta } from "../../llm/index.js";
import type { Language, Pack, Question } from "../../scenarios/index.js";
import { addUsage, usageOf } from "../usage-record.js";
import { turnContext } from "../usage.js";
import { candidateFeedback, missingPointsHidden } from "../candidate-report.js";
import { practiceTip } from "../practice-tip.js";
import { basePackOf, questionOf } from "../context.js";
import type { DecidedGrades } from "../decided-grades.js";
import type { InterviewDeps } from "../deps.js";
import type { OffSlot } from "../grading-queue.js";
import type { GradeUpdate, InterviewStateUpdate, InterviewStateValue } from "../state.js";

/**
 * Hand the finished question to the grader. With a grading queue (the app)
 * this only enqueues it, so the next question is not held up by the copy
 * check, the test run or the judge; the report node collects the results.
 * Without one (the graph's own tests) it grades here.
 */
export const makeGradeNode =
  (deps: InterviewDeps, decided?: DecidedGrades) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const current = state.current;
    if (!current) throw new Error("grade reached with no current question");
    const questionId = current.baseQuestionId;
    // The question is done: move past it in the same step (a separate node cost the answer's way to the next question a step).
    const done = { current: null, questionIndex: state.questionIndex + 1 };
    // The follow-up decision just graded these answers (when it decided none): taken now, before any wait.
    const answers = (state.transcript[questionId] ?? []).map((t) => t.answer);
    const graded = decided?.take(state.sessionId, questionId, answers);
    if (deps.gradeLater) {
      deps.gradeLater.enqueue(state.sessionId, questionId, (offSlot) => gradeFinishedQuestion(deps, state, questionId, offSlot, graded));
      return done;
    }
    return { ...(await gradeFinishedQuestion(deps, state, questionId, undefined, graded)), ...done };
  };

/**
 * Grade one finished question on all its turns; practice mode hears the result.
 * Never throws: a grading failure marks that question "could not be graded"
 * (zero, insufficient evidence, the reason) so the session, its later actions
 * and its report go on, and a restart does not meet the same error again.
 */
export async function gradeFinishedQuestion(
  deps: InterviewDeps,
  state: InterviewStateValue,
  questionId: string,
  offSlot: OffSlot = (wait) => wait(),
  /** The answers' grade as the follow-up decision read it (the pack only), when it was just read. */
  decided?: QuestionGrade,
): Promise<GradeUpdate> {
  // The copy check's index is built from the pack version as stored: one object per version, so the grading
  // thread receives it once and builds its index once (a per-session pack cost a ~1 MB clone per session).
  const pack = await basePackOf(deps, state);
  const question = await questionOf(deps, state, questionId);
  try {
    return await gradeOrThrow(deps, state, pack, question, offSlot, decided);
  } catch (err) {
    // A stable code where there is one (GRADING_TIMEOUT: the grader's bound on one reading), so the report says why.
    const code = (err as { code?: unknown })?.code;
    const message = `could not be graded${typeof code === "string" ? ` (${code})` : ""}: ${(err as Error)?.message?.slice(0, 200) ?? String(err)}`;
    const scores = gradingCriteria(question).map((c) => ({
      criterionId: c.id,
      score: 0,
      evidence: [],
      feedback: `This question ${message}.`,
      source: "evidence" as const,
      insufficientEvidence: true,
    }));
    return { grades: { [question.id]: scores }, gradingErrors: { [question.id]: message } };
  }
}

async function gradeOrThrow(
  deps: InterviewDeps,
  state: InterviewStateValue,
  pack: Pack,
  question: Question,
  offSlot: OffSlot,
  decided: QuestionGrade | undefined,
): Promise<GradeUpdate> {
  const turns = state.transcript[question.id] ?? [];
  // The sandbox queues runs fairly on its own and holds the hidden batch to its budget: no grading slot is kept meanwhile.
  const tests = await offSlot(() =>
    runFinalCode(
      deps,
      question,
      turns.map((t) => t.answer),
      state.sessionId,
    ),
  );
  const answers = turns.map((t) => t.answer);
  const noBudget = budgetUsedUp(turnContext(deps, state, question.id).tokensLeft);
  const lab = await runPromptLab(deps, question, answers, noBudget);
  // The decision's grade read the same answers with the same pack: the test run adds only its own criterion
  // (withTestRun); a prompt lab's run moves the rubric's checks, so a lab question is graded with it here.
  const graded =
    decided && lab === undefined
      ? withTestRun(question, answers, decided, tests)
      : deps.gradeAnswers
        ? await deps.gradeAnswers(question, answers, { tests, pack, lab, owner: state.sessionId })
        : gradeQuestion(question, answers, { tests, pack, lab });
  const { flags } = graded;
  let scores = graded.scores;
  // The judge reads only what survived the integrity checks, and its word is bounded by the evidence.
  let judge: { status: "graded" | "failed" | "off"; message: string } = { status: "off", message: "no judge model configured" };
  let judgeUsage: TurnMeta = {};
  if (deps.judge && noBudget) {
    judge = { status: "off", message: "the session's model token budget was used up" };
  } else if (deps.judge && answers.some((a) => a && !isSkipAnswer(a))) {
    const verdict = await deps.judge.grade(question, graded.judgeText);
    if (verdict.usage) judgeUsage = { usage: verdict.usage };
    if (verdict.ok) {
      scores = mergeJudge(scores, verdict.criteria, { manipulated: flags.some((f) => MANIPULATION.includes(f.kind)) });
      judge = { status: "graded", message: `also graded by ${deps.judge.model}` };
    } else {
      judge = { status: "failed", message: `${verdict.error}; the evidence scores stand` };
    }
  } else if (deps.judge) judge = { status: "off", message: "not answered" };
  const criteria = gradingCriteria(question);
  if (state.mode === "practice") {
    // The candidate reads this as they would their report: without the missing key points when the pack hides them.
    const hidden = await missingPointsHidden(deps.packs, state.packId, state.packVersion);
    await deps.emit(
      state.sessionId,
      "feedback",
      {
        questionId: question.id,
        title: question.title,
        score: questionScore(criteria, scores),
        tip: practiceTip(question, scores, hidden),
        criteria: scores.map((s) => ({
          criterionId: s.criterionId,
          title: criteria.find((c) => c.id === s.criterionId)?.title ?? s.criterionId,
          score: s.score,
          feedback: hidden ? candidateFeedback(s) : s.feedback,
        })),
      },
      `feedback:${question.id}`,
    );
  }
  return {
    grades: { [question.id]: scores },
    integrityFlags: { [question.id]: flags },
    usage: addUsage(usageOf(lab?.usage), usageOf(judgeUsage.usage)),
    judgeStatus: { [question.id]: judge },
    ...(question.promptLab ? { labStatus: { [question.id]: labStatus(lab) } } : {}),
    ...(tests && "report" in tests ? { testReports: { [question.id]: tests.report } } : {}),
  };
}

/** Prompt debugging: run the candidate's fixed prompt on the lab cases, when a model is configured. */
async function runPromptLab(
  deps: InterviewDeps,
  question: Question,
  answers: ({ text?: string } | null)[],
  budgetUsedUp: boolean,
): Promise<LabEvidence | undefined> {
  if (!question.promptLab) return undefined;
  const fixed = extractFixedPrompt(answers.map((a) => a?.text ?? "").join("\n\n"));
  if (!fixed) return { ran: false, reason: "no fixed prompt found in the answer (put it in a fenced block)" };
  if (!deps.runLab) return { ran: false, reason: "no model configured" };
  if (budgetUsedUp) return { ran: false, reason: "the session's model token budget was used up" };
  return deps.runLab(question.promptLab, fixed);
}

function labStatus(lab: LabEvidence | undefined): { status: "ran" | "not-run"; message: string } {
  if (!lab) return { status: "not-run", message: "not a prompt-debugging question" };
  if (!lab.ran) return { status: "not-run", message: lab.reason };
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return {
    status: "ran",
    message: `your fixed prompt passed ${pct(lab.fixedPassRate)} of ${lab.cases} cases; the broken prompt passed ${pct(lab.brokenPassRate)}`,
  };
}

/** The last code the candidate submitted for this question (follow-ups may revise it), run on every test. */
async function runFinalCode(
  deps: InterviewDeps,
  question: Question,
  answers: ({ code?: string; language?: string } | null)[],
  owner: string,
): Promise<TestEvidence | undefined> {
  const final = [...answers].reverse().find((a) => a?.code?.trim());
  if (!final?.code) return undefined;
  const code = final.code;
  const run = deps.runTests;
  return runOnTests(
    question,
    code,
    final.language as Language | undefined,
    run && ((language) => run(question, language, code, owner)),
    "no code sandbox is configured on this server",
  );
}

/**
 * Move the cursor, as graphs before this version did after grading (grade does
 * it now): only a thread whose checkpoint was written with this node next still comes here.
 */
export const nextNode = async (state: InterviewStateValue): Promise<InterviewStateUpdate> => ({
  questionIndex: state.questionIndex + 1,
});
