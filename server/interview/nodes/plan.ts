import type { InterviewDeps } from "../deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "../state.js";

/** The plan arrives with the input (the service computes it to return it in the start ack). */
export const makePlanNode =
  (deps: InterviewDeps) =>
  async (state: InterviewStateValue): Promise<InterviewStateUpdate> => {
    if (state.interviewPlan.rounds.length === 0) throw new Error("an interview needs at least one round in its plan");
    return { roundIndex: 0, questionIndex: 0, startedAt: state.startedAt || deps.now() };
  };
