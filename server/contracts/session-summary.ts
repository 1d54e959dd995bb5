import { z } from "zod";
import { LevelSchema } from "./enums.js";
import { ModeSchema, SessionId } from "./ids.js";

export const SessionStatusSchema = z.enum(["active", "complete"]);

/**
 * The facts every list of sessions shows (a candidate's history, a team's
 * dashboard): declared once here and extended by each list with its own fields.
 */
export const SessionSummaryBaseSchema = z.object({
  sessionId: SessionId,
  packTitle: z.string(),
  mode: ModeSchema,
  level: LevelSchema.nullable(),
  status: SessionStatusSchema,
  startedAt: z.number(),
  completedAt: z.number().nullable(),
});
