import { ChatOpenAI } from "@langchain/openai";

/** How to reach an OpenAI-compatible model (OpenAI itself or any local server speaking its API). */
export type ModelConfig = {
  apiKey: string;
  baseURL: string | null;
  judgeModel: string;
  labModel: string;
  timeoutMs: number;
};

/** One configured ChatOpenAI: temperature 0 for grading, one retry, a hard timeout. */
export function createChatModel(config: ModelConfig, model: string): ChatOpenAI {
  return new ChatOpenAI({
    model,
    apiKey: config.apiKey,
    temperature: 0,
    timeout: config.timeoutMs,
    maxRetries: 1,
    ...(config.baseURL ? { configuration: { baseURL: config.baseURL } } : {}),
  });
}
