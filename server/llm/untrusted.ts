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

/**
 * A failed model call as a candidate or team may read it: the failure class and the HTTP status, never the
 * provider's own text. Providers and OpenAI-compatible proxies echo the API key, internal host names and
 * account details in their error bodies ("Incorrect API key provided: sk-..."), and the judge's and lab's notes
 * are shown in reports and on share links.
 */
export function modelFailureNote(err: unknown): string {
  const why = modelFailure(err);
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status < 600 && why === "failed"
    ? `failed (HTTP ${status})`
    : why;
}
