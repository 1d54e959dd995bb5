const SKIP = /^(i\s+(do\s*n[o']?t|dunno)\s+know|no\s+idea|skip|pass|next|not\s+sure)[.!\s]*$/i;

/** "I don't know" / "skip": the candidate wants to move on, so no follow-up. */
export function isSkip(text: string | undefined): boolean {
  return Boolean(text && SKIP.test(text.trim()));
}
