/**
 * Candidate text goes to a model inside <candidate_answer> tags: make sure it
 * cannot close (or open) them itself.
 */
export function fenceCandidateText(text: string): string {
  return text.replace(/<\s*\/?\s*candidate_answer\s*>/gi, "[tag removed]");
}

/** Why a model call failed, in the words the transcript and report use. */
export function modelFailure(err: unknown): "rate limited" | "timed out" | "failed" {
  const e = err as Error & { status?: number };
  if (e.status === 429) return "rate limited";
  return e.name === "TimeoutError" || /abort|timed? ?out/i.test(e.message ?? "") ? "timed out" : "failed";
}
