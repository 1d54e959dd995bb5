import { currentRound, questionInfo, questionOf } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";
import { streamTurn } from "../stream-turn.js";
import { turnContext, usageUpdate } from "../usage.js";

/** Stream the round's next main question. */
export const makeAskNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const questionId = currentRound(state).questionIds[state.questionIndex];
    if (!questionId) throw new Error(`round has no question at index ${state.questionIndex}`);
    const question = await questionOf(deps, state, questionId);
    const turn = { turnId: question.id, kind: "main" as const };
    const round = currentRound(state);
    // The first question of a later round gets a one-line transition from a model interviewer.
    const transition = state.questionIndex === 0 && state.roundIndex > 0 ? `Next round: ${round.title}.` : undefined;
    const { text: prompt, meta } = await streamTurn(
      deps,
      state.sessionId,
      questionInfo(state, question, turn),
      deps.interviewer.askQuestion({ question, turnId: turn.turnId, transition, ctx: turnContext(deps, state, turn.turnId) }),
    );
    return {
      current: { ...turn, baseQuestionId: question.id, prompt, followUps: 0 },
      transcript: { [question.id]: [{ ...turn, prompt, answer: null, reason: "unanswered", ...(meta.note ? { note: meta.note } : {}) }] },
      pendingFollowUp: null,
      ...usageUpdate(meta),
    };
  };
