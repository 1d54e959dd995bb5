import { interrupt } from "@langchain/langgraph";
import type { TurnReason } from "../../contracts/index.js";
import { answerBody } from "../../grading/index.js";
import type { DecidedGrades } from "../decided-grades.js";
import type { InterviewDeps } from "../deps.js";
import { AnswerInputSchema, type AnswerInput, type InterviewStateUpdate, type InterviewStateValue } from "../state.js";
import { chooseFollowUp } from "./assess.js";

const REASON: Record<AnswerInput["type"], TurnReason> = { submit: "submit", timeout: "timeout", end: "ended" };

/**
 * Pause until the candidate answers, the round times out or the session ends,
 * then record the answer and decide whether to probe it with a follow-up
 * (chooseFollowUp). LangGraph re-runs this node from the top on resume, so
 * nothing before interrupt() may have effects; what follows it runs once per
 * answer and is pure too. Deciding here rather than in a node of its own saves
 * the answer's way to the next question one graph step.
 */
export const makeAwaitAnswerNode =
  (deps: InterviewDeps, decided?: DecidedGrades) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const current = state.current;
    if (!current) throw new Error("awaitAnswer reached with no current question");
    const input = AnswerInputSchema.parse(interrupt({ turnId: current.turnId }));
    if (input.turnId !== current.turnId) {
      throw new Error(`answer for "${input.turnId}" resumed while "${current.turnId}" awaits`);
    }
    const turns = (state.transcript[current.baseQuestionId] ?? []).map((t) =>
      t.turnId === current.turnId ? { ...t, answer: answerBody(input), reason: REASON[input.type] } : t,
    );
    const transcript = { ...state.transcript, [current.baseQuestionId]: turns };
    const { criterionId, grade, nonAnswer } = await chooseFollowUp(deps, { ...state, lastInput: input, transcript });
    // No follow-up: the grade node comes next and grades these answers; the decision's grade is that grade.
    if (criterionId === null && grade) {
      decided?.keep(
        state.sessionId,
        current.baseQuestionId,
        turns.map((t) => t.answer),
        grade,
      );
    }
    return {
      lastInput: input,
      transcript: { [current.baseQuestionId]: turns },
      pendingFollowUp: criterionId,
      pendingNonAnswer: nonAnswer ?? false,
    };
  };
