import { z } from "zod";

export const SessionId = z.uuid({ message: "sessionId must be a UUID" });
/**
 * A turn id: the main question's id (a pack slug), or `<id>~f<n>` for its n-th follow-up. Held to that shape so that
 * what a client names a question (in a draft, a submit, an integrity signal) is never free text stored and shown.
 */
export const QuestionId = z
  .string()
  .min(1)
  .max(120)
  .regex(
    /^[a-z0-9][a-z0-9-]*(~f\d{1,3})?$/,
    "questionId must be a question's id: lowercase letters, digits and dashes (~f<n> for a follow-up)",
  );
export const ModeSchema = z.enum(["timed", "practice"]);
export type Mode = z.infer<typeof ModeSchema>;
