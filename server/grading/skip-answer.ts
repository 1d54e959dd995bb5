import type { AnswerBody } from "../contracts/index.js";

/**
 * What a candidate writes to move on without answering: the socket contract tells them to send "skip"
 * (events.ts), and people also write "pass", "next", "no idea" or "I don't know". Only the whole text counts.
 */
const SKIP = /^(i\s+(do\s*n[o']?t|dunno)\s+know|no\s+idea|skip|pass|next|not\s+sure)[.!\s]*$/i;

/** The candidate wants to move on: no follow-up, and nothing to grade. */
export function isSkip(text: string | undefined): boolean {
  return Boolean(text && SKIP.test(text.trim()));
}

/**
 * A turn that skips is no answer: it earns nothing even where a pack's own key-point term is "skip" or
 * "pass" (a test that should pass), and the judge is not asked about it.
 */
export function isSkipAnswer(answer: AnswerBody | null): boolean {
  return Boolean(answer && !answer.code?.trim() && isSkip(answer.text));
}
