import { z } from "zod";
import { RoundKindSchema } from "./enums.js";
import { SessionId } from "./ids.js";
import { SessionSummaryBaseSchema } from "./session-summary.js";

/**
 * History without accounts: the browser keeps each session's resume token and
 * sends them; the server answers only for the sessions those tokens prove.
 */

export const MAX_HISTORY_SESSIONS = 200;
export const MAX_RESUME_TOKEN = 200;

/** One session this browser sat, and the token that proves it. */
export const SessionProofSchema = z.strictObject({
  sessionId: SessionId,
  resumeToken: z
    .string()
    .min(16, "resumeToken is too short")
    .max(MAX_RESUME_TOKEN, `resumeToken is limited to ${MAX_RESUME_TOKEN} characters`),
});
export type SessionProof = z.infer<typeof SessionProofSchema>;

export const HistoryRequestSchema = z.strictObject({
  sessions: z.array(SessionProofSchema).max(MAX_HISTORY_SESSIONS, `at most ${MAX_HISTORY_SESSIONS} sessions per request`),
});
export type HistoryRequest = z.infer<typeof HistoryRequestSchema>;

/** Mean score (0-100) of one round of a session. */
export const HistoryRoundSchema = z.object({
  roundId: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  score: z.number(),
});

/** Mean criterion score (0-4) over the session's questions of one round kind. */
export const HistoryCriterionSchema = z.object({
  kind: RoundKindSchema,
  criterionId: z.string(),
  title: z.string(),
  score: z.number(),
});
export type HistoryCriterion = z.infer<typeof HistoryCriterionSchema>;

export const HistorySessionSchema = SessionSummaryBaseSchema.extend({
  packId: z.string(),
  /** 0-100; null while the session is still running. */
  overall: z.number().nullable(),
  rounds: z.array(HistoryRoundSchema),
  criteria: z.array(HistoryCriterionSchema),
});
export type HistorySession = z.infer<typeof HistorySessionSchema>;

export const HistoryResponseSchema = z.object({
  /** Newest first. */
  sessions: z.array(HistorySessionSchema),
  /** Session ids that were sent but not proven (unknown session or wrong token). */
  unproven: z.array(z.string()),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

/** The file a candidate downloads to move their history to another browser. */
export const HISTORY_FILE_FORMAT = "mock-interview-history";
export const HistoryFileSchema = z.object({
  format: z.literal(HISTORY_FILE_FORMAT, { message: `not a history file (format must be "${HISTORY_FILE_FORMAT}")` }),
  version: z.literal(1, { message: "unsupported history file version (expected 1)" }),
  exportedAt: z.number().optional(),
  sessions: z.array(SessionProofSchema).max(MAX_HISTORY_SESSIONS, `at most ${MAX_HISTORY_SESSIONS} sessions in one file`),
});
export type HistoryFile = z.infer<typeof HistoryFileSchema>;

// ---------- practise next ----------

export const MAX_PRACTICE_CRITERIA = 10;
export const MAX_PRACTICE_QUESTIONS = 6;

export const PracticeRequestSchema = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        kind: RoundKindSchema,
        criterionId: z.string().min(1).max(120),
        /** The pack (its key) the criterion was scored in: its id is matched there only. */
        packId: z.string().min(1).max(200).optional(),
        /** The criterion's title: in any other pack, only a criterion of this title matches (ids are each pack's own). */
        title: z.string().min(1).max(200).optional(),
      }),
    )
    .min(1, "name at least one criterion to practise")
    .max(MAX_PRACTICE_CRITERIA, `at most ${MAX_PRACTICE_CRITERIA} criteria`),
});
export type PracticeRequest = z.infer<typeof PracticeRequestSchema>;

export const PracticeSuggestionSchema = z.object({
  /** A public pack; null when no public question targets the criteria. */
  packId: z.string().nullable(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: RoundKindSchema,
      title: z.string(),
      /** Titles of the asked-for criteria this question's rubric scores. */
      targets: z.array(z.string()),
    }),
  ),
});
export type PracticeSuggestion = z.infer<typeof PracticeSuggestionSchema>;
