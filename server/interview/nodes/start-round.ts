import { currentRound, roundInfo } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";

/** Open a round: set its server-side deadline (timed mode) and announce it. */
export const makeStartRoundNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const round = currentRound(state);
    const now = deps.now();
    const roundEndsAt = state.mode === "timed" ? now + Math.round(round.minutes * 60_000) : null;
    const next = { ...state, roundEndsAt };
    await deps.emit(state.sessionId, "round:start", { ...roundInfo(next), serverNow: now }, `round:start:${state.roundIndex}`);
    return { roundEndsAt, questionIndex: 0, current: null, lastInput: null, pendingFollowUp: null };
  };
