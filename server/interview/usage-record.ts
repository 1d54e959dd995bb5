/** Tokens used by model calls in a session, per model. */
export type SessionUsage = Record<string, { calls: number; inputTokens: number; outputTokens: number }>;

/** One call's tokens as a usage record (empty when the call reported none). */
export function usageOf(u: { model: string; inputTokens: number; outputTokens: number } | undefined): SessionUsage {
  return u ? { [u.model]: { calls: 1, inputTokens: u.inputTokens, outputTokens: u.outputTokens } } : {};
}

/** Two usage records added model by model: the state's reducer, and a node combining several calls. */
export function addUsage(a: SessionUsage, b: SessionUsage): SessionUsage {
  const out: SessionUsage = { ...a };
  for (const [model, u] of Object.entries(b)) {
    const prev = out[model] ?? { calls: 0, inputTokens: 0, outputTokens: 0 };
    out[model] = {
      calls: prev.calls + u.calls,
      inputTokens: prev.inputTokens + u.inputTokens,
      outputTokens: prev.outputTokens + u.outputTokens,
    };
  }
  return out;
}
