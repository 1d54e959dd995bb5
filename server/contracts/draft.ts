import { z } from "zod";
import { LanguageSchema } from "./enums.js";
import { QuestionId } from "./ids.js";

/**
 * A saved draft as the client reads it: in a session snapshot, and with DRAFT_STALE (the newer draft another tab
 * saved). Its own file: the snapshot (events.ts) and the error detail (errors.ts) both carry it.
 */
export const DraftSchema = z.object({
  questionId: QuestionId,
  text: z.string().optional(),
  code: z.string().optional(),
  language: LanguageSchema.optional(),
  savedAt: z.number(),
  /** Counts this draft's saves; the next save names it as its `baseRevision`. */
  revision: z.number().int(),
});
export type Draft = z.infer<typeof DraftSchema>;
