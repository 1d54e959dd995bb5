import { gradeQuestion, isSkip, weakestCriterion, type QuestionGrade } from "../../grading/index.js";
import type { AnswerBody } from "../../contracts/index.js";
import type { Pack, Question } from "../../scenarios/index.js";
import { basePackOf, currentRound, questionOf } from "../context.js";
import { graderSaysNonAnswer } from "../non-answer-verdict.js";
import { unaskedProbes } from "../probe.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";

/** A follow-up needs room to answer it: a minute, or a fifth of a short round. */
export function minTimeForFollowUpMs(roundMinutes: number): number {
  return Math.min(60_000, roundMinutes * 60_000 * 0.2);
}

/**
 * Decide whether to probe: only after a real submit, while follow-ups and
 * round time remain, for the criterion furthest below the top level (one half
 * met is probed too; ties by weight, then rubric order; none once every
 * criterion is at the top). `state` holds the answer just given (its turn and lastInput). The grade the choice was
 * made by comes with it (read with the pack only): when no follow-up comes, it is the question's grade (decided-grades.ts).
 */
export async function chooseFollowUp(deps: InterviewDeps, state: InterviewStateValue): Promise<FollowUpChoice> {
  const none: FollowUpChoice = { criterionId: null };
  const current = state.current;
  const input = state.lastInput;
  if (!current || !input || input.type !== "submit" || isSkip(input.text)) return none;
  const question = await questionOf(deps, state, current.baseQuestionId);
  if (current.followUps >= question.maxFollowUps) return none;
  const round = currentRound(state);
  if (state.roundEndsAt !== null && state.roundEndsAt - deps.now() < minTimeForFollowUpMs(round.minutes)) return none;
  const turns = state.transcript[question.id] ?? [];
  // Nothing written at all is not a gap to probe: it is an unanswered question.
  if (turns.every((t) => t.answer === null)) return none;
  try {
    // Read with the pack, as grading and the follow-up read it (copies of a model answer earn nothing here either),
    // and the same reading serves the follow-up's quote and the grade (prepareAnswer keeps it). Where grading runs in
    // its own thread, this reading runs there too: a long answer read here held up every other candidate's acks.
    const answers = turns.map((t) => t.answer);
    const ctx = { pack: await basePackOf(deps, state) };
    // owner: the grading thread takes sessions in turn, so another session's long answers do not hold this one up.
    const decision = deps.weakestCriterionOf
      ? await deps.weakestCriterionOf(question, answers, { ...ctx, owner: state.sessionId })
      : decideHere(question, answers, ctx);
    if (decision.criterionId === null) return decision;
    const criterion = question.rubric.find((c) => c.id === decision.criterionId);
    // Every probe of the criterion was asked on this question already: asking one again would repeat it word for word.
    const asked = turns.filter((t) => t.kind === "follow-up").map((t) => t.prompt);
    if (criterion && unaskedProbes(criterion, asked).length === 0) return { criterionId: null, grade: decision.grade };
    const written = answers.flatMap((a) => [a?.text ?? "", a?.code ?? ""]).join("\n");
    return { ...decision, nonAnswer: graderSaysNonAnswer(question, decision.grade, written) };
  } catch {
    // A follow-up is optional; an answer the checks cannot read goes on to grading (which reports it).
    return none;
  }
}

/** The criterion to probe (null: none) and, where the answers were graded to choose it, that grade. */
export type FollowUpChoice = { criterionId: string | null; grade?: QuestionGrade; nonAnswer?: boolean };

function decideHere(
  question: Question,
  answers: (AnswerBody | null)[],
  ctx: { pack: Pack },
): { criterionId: string | null; grade: QuestionGrade } {
  const grade = gradeQuestion(question, answers, ctx);
  return { criterionId: weakestCriterion(question, answers, ctx, grade)?.criterion.id ?? null, grade };
}

/**
 * The decision as a node of its own, as graphs before this version ran it
 * (awaitAnswer now decides in the same step): only a thread whose checkpoint
 * was written with this node next still comes here.
 */
export const makeAssessNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => ({
    ...(await chooseFollowUp(deps, state).then((c) => ({ pendingFollowUp: c.criterionId, pendingNonAnswer: c.nonAnswer ?? false }))),
  });
