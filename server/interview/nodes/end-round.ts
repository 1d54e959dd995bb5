import type { RoundEndReason } from "../../contracts/index.js";
import { currentRound, packOf } from "../context.js";
import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";
import { markUnanswered } from "../unanswered.js";

/**
 * Close the round. Questions it did not reach are graded as unanswered; when
 * the candidate ended the session, so are all later rounds.
 */
export const makeEndRoundNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    const round = currentRound(state);
    const type = state.lastInput?.type;
    const reason: RoundEndReason = type === "timeout" ? "timeout" : type === "end" ? "ended" : "completed";
    const skipped = round.questionIds.slice(state.questionIndex);
    const roundResults: Record<string, RoundEndReason> = { [round.roundId]: reason };
    if (reason === "ended") {
      for (const later of state.interviewPlan.rounds.slice(state.roundIndex + 1)) {
        skipped.push(...later.questionIds);
        roundResults[later.roundId] = "ended";
      }
    }
    // A round that ran to its end skips nothing: no need to build the session's whole pack.
    const { transcript, grades } = skipped.length
      ? await markUnanswered(deps, state.sessionId, await packOf(deps, state), skipped)
      : { transcript: {}, grades: {} };
    await deps.emit(state.sessionId, "round:end", { roundId: round.roundId, reason }, `round:end:${state.roundIndex}`);
    return { transcript, grades, roundResults, roundIndex: state.roundIndex + 1, roundEndsAt: null, current: null };
  };
