import type { z } from "zod";
import { MAX_ERROR_ISSUES, MAX_ERROR_MESSAGE_CHARS } from "./limits.js";

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Name what was wrong in one readable line: the first few problems, each
 * clipped, and how many more there were. A hostile payload can carry
 * thousands of problems; the reply stays small whatever it sent.
 */
export function describeZodError(error: z.ZodError): string {
  const issues = error.issues;
  const shown = issues.slice(0, MAX_ERROR_ISSUES).map((i) => {
    const path = i.path.length ? clip(i.path.map(String).join("."), 80) : "payload";
    return `${path}: ${clip(i.message, 200)}`;
  });
  const more = issues.length - shown.length;
  return clip(`${shown.join("; ")}${more > 0 ? `; and ${more} more problem${more === 1 ? "" : "s"}` : ""}`, MAX_ERROR_MESSAGE_CHARS);
}
