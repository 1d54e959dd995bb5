import { z } from "zod";

/**
 * Candidate text as it is stored: a NUL character or an unpaired surrogate half (a broken client, a pasted binary)
 * becomes U+FFFD, the replacement character, so the rest of the answer is kept and the spot stays visible. Stored
 * as they came, PostgreSQL refuses both (text holds no NUL byte; jsonb no \u0000 and no lone surrogate escape), and
 * the answer would be lost on that database while SQLite kept it.
 */
export function wellFormedText(text: string): string {
  return text.replace(NOT_WELL_FORMED, "\uFFFD");
}
/** NUL, a high surrogate with no low one after it, a low one with no high one before it (each one character: linear). */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters this is about.
const NOT_WELL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string schema whose value is made well formed (wellFormedText) after its own checks pass. */
export const wellFormed = (schema: z.ZodString) => schema.transform(wellFormedText);
