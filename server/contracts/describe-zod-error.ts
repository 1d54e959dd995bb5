import type { z } from "zod";
import { MAX_ERROR_ISSUES, MAX_ERROR_MESSAGE_CHARS } from "./limits.js";

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Name what was wrong in one readable line: the first few problems, each
 * clipped, and how many more there were. A hostile payload can carry
 * thousands of problems; the reply stays small whatever it sent.
 */
export function describeZodError(error: z.ZodError): string {
  // One problem per field: zod can report a field twice for one value (an int past the safe range fails both
  // `.int()` and `.max()`), and the second says nothing new.
  const seen = new Set<string>();
  const issues = error.issues.filter((i) => {
    const key = i.path.map(String).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const shown = issues.slice(0, MAX_ERROR_ISSUES).map((i) => {
    const path = i.path.length ? clip(i.path.map(String).join("."), 80) : "payload";
    return `${path}: ${clip(i.message, 200)}`;
  });
  const more = issues.length - shown.length;
  return clip(`${shown.join("; ")}${more > 0 ? `; and ${more} more problem${more === 1 ? "" : "s"}` : ""}`, MAX_ERROR_MESSAGE_CHARS);
}
