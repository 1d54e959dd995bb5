import type { TurnContext, TurnMeta } from "../llm/index.js";
import type { InterviewDeps } from "./deps.js";
import type { InterviewStateUpdate, InterviewStateValue } from "./state.js";
import { usageOf, type SessionUsage } from "./usage-record.js";

export const tokensUsed = (usage: SessionUsage) => Object.values(usage).reduce((n, u) => n + u.inputTokens + u.outputTokens, 0);

/** What a model interviewer may still spend in this session (null: no budget). */
export function turnContext(deps: InterviewDeps, state: InterviewStateValue, turnId: string): TurnContext {
  return { turnId, tokensLeft: deps.tokenBudget == null ? null : Math.max(0, deps.tokenBudget - tokensUsed(state.usage)) };
}

/** A turn's token usage as a state update (reduced into the session total). */
export function usageUpdate(meta: TurnMeta): Pick<InterviewStateUpdate, "usage"> {
  return meta.usage ? { usage: usageOf(meta.usage) } : {};
}
