import { z } from "zod";

export const SessionId = z.uuid({ message: "sessionId must be a UUID" });
/** A turn id: the main question's id, or `<id>~f<n>` for its n-th follow-up. */
export const QuestionId = z.string().min(1).max(120);
export const ModeSchema = z.enum(["timed", "practice"]);
export type Mode = z.infer<typeof ModeSchema>;
