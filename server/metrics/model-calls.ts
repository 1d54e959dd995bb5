import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { LLMResult } from "@langchain/core/outputs";
import type { Metrics } from "./metrics.js";

type Prices = Record<string, { input: number; output: number }>;
type Usage = { input: number; output: number };

type Reported = {
  message?: {
    usage_metadata?: { input_tokens?: number; output_tokens?: number };
    response_metadata?: { usage?: { prompt_tokens?: number; completion_tokens?: number } };
  };
};

/**
 * Tokens a finished call reports: the message's usage metadata, else the
 * provider's raw usage (a streamed chunk aggregated as a plain message chunk
 * keeps only that), else the call's tokenUsage.
 */
function usageOf(output: LLMResult): Usage | null {
  for (const batch of output.generations) {
    for (const generation of batch) {
      const message = (generation as Reported).message;
      const meta = message?.usage_metadata;
      if (meta) return { input: meta.input_tokens ?? 0, output: meta.output_tokens ?? 0 };
      const raw = message?.response_metadata?.usage;
      if (raw) return { input: raw.prompt_tokens ?? 0, output: raw.completion_tokens ?? 0 };
    }
  }
  const usage = output.llmOutput?.tokenUsage as { promptTokens?: number; completionTokens?: number } | undefined;
  return usage ? { input: usage.promptTokens ?? 0, output: usage.completionTokens ?? 0 } : null;
}

/**
 * A LangChain callback handler counting one configured model's calls, duration,
 * tokens and estimated cost. Attached where the model is built, so the
 * interviewer, the judge and the prompt lab are all counted the same way.
 */
export function modelCallObserver(metrics: Metrics, model: string, prices: Prices = {}): BaseCallbackHandler {
  const started = new Map<string, number>();
  const finish = (runId: string) => {
    const t = started.get(runId);
    started.delete(runId);
    if (t !== undefined) metrics.modelSeconds.observe({ model }, (performance.now() - t) / 1000);
  };
  return BaseCallbackHandler.fromMethods({
    handleChatModelStart(_llm, _messages, runId) {
      started.set(runId, performance.now());
    },
    handleLLMStart(_llm, _prompts, runId) {
      started.set(runId, performance.now());
    },
    handleLLMEnd(output, runId) {
      finish(runId);
      metrics.modelCalls.inc({ model, outcome: "ok" });
      const usage = usageOf(output);
      if (!usage) return;
      metrics.modelTokens.inc({ model, kind: "input" }, usage.input);
      metrics.modelTokens.inc({ model, kind: "output" }, usage.output);
      const price = prices[model];
      metrics.modelCostUsd.inc({ model }, price ? (usage.input * price.input + usage.output * price.output) / 1e6 : 0);
    },
    handleLLMError(_err, runId) {
      finish(runId);
      metrics.modelCalls.inc({ model, outcome: "error" });
    },
  });
}
