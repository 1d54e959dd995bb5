import { interrupt } from "@langchain/langgraph";
import type { AnswerBody, TurnReason } from "../../contracts/index.js";
import { AnswerInputSchema, type AnswerInput, type InterviewStateUpdate, type InterviewStateValue } from "../state.js";

const REASON: Record<AnswerInput["type"], TurnReason> = { submit: "submit", timeout: "timeout", end: "ended" };

function answerBody(input: AnswerInput): AnswerBody | null {
  const text = input.text?.trim() ? input.text : undefined;
  const code = input.code?.trim() ? input.code : undefined;
  if (!text && !code) return null;
  return { ...(text ? { text } : {}), ...(code ? { code } : {}), ...(input.language ? { language: input.language } : {}) };
}

/**
 * Pause until the candidate answers, the round times out or the session ends.
 * Only interrupt() and pure updates live here: LangGraph re-runs this node on resume.
 */
export const awaitAnswerNode = async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
  const current = state.current;
  if (!current) throw new Error("awaitAnswer reached with no current question");
  const input = AnswerInputSchema.parse(interrupt({ turnId: current.turnId }));
  if (input.turnId !== current.turnId) {
    throw new Error(`answer for "${input.turnId}" resumed while "${current.turnId}" awaits`);
  }
  const turns = (state.transcript[current.baseQuestionId] ?? []).map((t) =>
    t.turnId === current.turnId ? { ...t, answer: answerBody(input), reason: REASON[input.type] } : t,
  );
  return { lastInput: input, transcript: { [current.baseQuestionId]: turns } };
};
