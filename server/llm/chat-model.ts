import type { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { ChatOpenAI } from "@langchain/openai";

/** How to reach an OpenAI-compatible model (OpenAI itself or any local server speaking its API). */
export type ModelConfig = {
  apiKey: string;
  baseURL: string | null;
  judgeModel: string;
  labModel: string;
  interviewerModel?: string;
  timeoutMs: number;
  /** Tokens one session may spend on the interviewer; the offline interviewer takes over after. */
  tokenBudget?: number;
  /** USD per 1M tokens by model, for cost estimates. */
  prices?: Record<string, { input: number; output: number }>;
};

/** One configured ChatOpenAI: temperature 0 for grading, one retry, a hard timeout; `callbacks` observe every call (metrics). */
export function createChatModel(config: ModelConfig, model: string, callbacks?: BaseCallbackHandler[]): ChatOpenAI {
  return new ChatOpenAI({
    model,
    apiKey: config.apiKey,
    temperature: 0,
    timeout: config.timeoutMs,
    maxRetries: 1,
    streamUsage: true,
    ...(callbacks ? { callbacks } : {}),
    ...(config.baseURL ? { configuration: { baseURL: config.baseURL } } : {}),
  });
}
