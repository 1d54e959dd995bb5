import type { Language } from "../../../server/contracts/index.js";

/** What the candidate has typed, in the shape answer:draft and answer:submit both carry. */
export type AnswerContent = { text: string } | { code: string; language: Language };

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
