import { isBlank, type Language } from "../../../server/contracts/index.js";

/** A written answer. */
export type TextAnswer = { text: string };
/** Code, optionally with a written explanation (follow-ups on coding questions, notes). */
export type CodeAnswer = { code: string; language: Language; text?: string };
/** What the candidate has typed, in the shape answer:draft and answer:submit both carry. */
export type AnswerContent = TextAnswer | CodeAnswer;

/**
 * What a submit sends: only the non-blank parts, blank as the server's contract reads it (the server
 * rejects an answer with neither). Null when everything is blank.
 */
export function nonBlankAnswer(text: string, code: { code: string; language: Language } | null): AnswerContent | null {
  const hasText = !isBlank(text);
  if (code && !isBlank(code.code)) {
    return hasText ? { code: code.code, language: code.language, text } : { code: code.code, language: code.language };
  }
  return hasText ? { text } : null;
}

/**
 * crypto.randomUUID exists only in secure contexts (https, localhost); a
 * server reached over plain http on a LAN address still needs submission ids.
 */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
