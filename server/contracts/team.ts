import { z } from "zod";
import { LevelSchema, RoundKindSchema } from "./enums.js";
import { ModeSchema, QuestionId, SessionId } from "./ids.js";
import { PlanSchema } from "./events.js";
import { ReportSchema } from "./report.js";
import { PackIssueSchema } from "./errors.js";
import { SessionStatusSchema, SessionSummaryBaseSchema } from "./session-summary.js";
import { TokenRoleSchema } from "./roles.js";
import { visibleName, visibleText } from "./visible-text.js";

/**
 * The hiring-team HTTP API (issue 13): tokens, invites, the dashboard, overrides,
 * compare, CSV and authoring help. Request bodies are validated with these
 * schemas (with size limits); responses are built to them and the client reads
 * its types from here. docs/protocol.md describes the same routes for people.
 */

// ---------- tokens ----------

export const TokenLabelSchema = visibleName(
  z.string().trim().min(1, "a token needs a label (who or what it is for)").max(60, "a token label is at most 60 characters"),
  "a token label",
);
/** A hiring team's display name (its id is made from it). */
export const TeamNameSchema = visibleName(
  z.string().trim().min(1, "a team needs a name").max(100, "a team name is at most 100 characters"),
  "a team name",
);
/** The role is required: whoever mints a token chooses what it may do (no silent default to either end). */
export const TokenCreateBodySchema = z.strictObject({ label: TokenLabelSchema, role: TokenRoleSchema });

/** The token that acted on another (or on itself); null when the operator acted at the CLI. */
export const TokenActorSchema = z.object({ tokenId: z.string(), label: z.string(), role: TokenRoleSchema }).nullable();
/** One entry of a token's audit trail: who issued, rotated or revoked it, and when. */
export const TokenEventSchema = z.object({
  action: z.enum(["issued", "rotated", "revoked"]),
  at: z.number(),
  by: TokenActorSchema,
  /** "rotated": the token that replaced this one. */
  replacedBy: z.string().nullable(),
  /** "issued" by a rotation: the token this one replaces. */
  replaces: z.string().nullable(),
});
export type TokenEvent = z.infer<typeof TokenEventSchema>;

export const TeamTokenSchema = z.object({
  id: z.string(),
  label: z.string(),
  role: TokenRoleSchema,
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  /** True for the token this request was made with. */
  current: z.boolean(),
  /** What was done to this token and by whom, oldest first (empty for tokens issued before the trail existed). */
  audit: z.array(TokenEventSchema),
});
export type TeamToken = z.infer<typeof TeamTokenSchema>;

/** A new or rotated token: the secret is in this response only. */
export const IssuedTokenSchema = z.object({ token: z.string(), info: TeamTokenSchema });
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

// ---------- invites ----------

export const InviteCreateBodySchema = z.strictObject({
  /** The team's pack id (the part after "<team>/"). */
  packId: z.string().min(1).max(100),
  candidateLabel: visibleName(z.string().trim().min(1, "give the candidate a label (a name or reference)").max(100), "a candidate label"),
  /** Shown to the team only. */
  candidateEmail: z.email({ message: "candidateEmail must be an email address" }).max(200).optional(),
  mode: ModeSchema.default("timed"),
  level: LevelSchema.optional(),
  rounds: z.array(z.string().min(1).max(60)).min(1).max(10).optional(),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export type InviteCreateBody = z.input<typeof InviteCreateBodySchema>;

export const InviteStatusSchema = z.enum(["open", "started", "expired", "revoked"]);
export type InviteStatus = z.infer<typeof InviteStatusSchema>;

export const InviteSchema = z.object({
  id: z.string(),
  packKey: z.string(),
  candidateLabel: z.string(),
  candidateEmail: z.string().nullable(),
  mode: ModeSchema,
  level: LevelSchema.nullable(),
  rounds: z.array(z.string()).nullable(),
  expiresAt: z.number(),
  createdAt: z.number(),
  createdBy: z.string(),
  status: InviteStatusSchema,
  sessionId: z.string().nullable(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** The 201 body: the link is in this response only (only its hash is stored). */
export const InviteCreatedSchema = InviteSchema.extend({ token: z.string(), path: z.string() });
export type InviteCreated = z.infer<typeof InviteCreatedSchema>;

/** What the integrity recorder records, told to the candidate before they start. */
export const SIGNALS_DISCLOSURE = [
  "when you paste into an answer, and how many characters",
  "how long you are away from this tab",
  "bursts of unusually fast typing (characters and seconds)",
] as const;
/** What the team sees of an invited session, told to the candidate before they start. */
export const TEAM_SEES = [
  "your answers, code and test results",
  "the scores, the evidence quoted from your answers and the grader's notes",
  "the integrity signals listed below (never a webcam, never your screen)",
  "when you started and how long you took",
] as const;
/**
 * What the team sees of a session started from its pack in the lobby or a pack link: the same, without integrity
 * signals, which are recorded for invited candidates only (and the lobby lists none below).
 */
export const TEAM_SEES_WITHOUT_INVITE = TEAM_SEES.filter((line) => !line.startsWith("the integrity signals"));

/** GET /api/invites/:token: the candidate's view (no email, nothing secret). */
export const PublicInviteSchema = z.object({
  teamName: z.string(),
  packTitle: z.string(),
  candidateLabel: z.string(),
  mode: ModeSchema,
  level: LevelSchema.nullable(),
  rounds: z.array(z.object({ id: z.string(), kind: RoundKindSchema, title: z.string(), minutes: z.number() })),
  expiresAt: z.number(),
  status: InviteStatusSchema,
  teamSees: z.array(z.string()),
  recorded: z.array(z.string()),
});
export type PublicInvite = z.infer<typeof PublicInviteSchema>;

export const InviteStartResultSchema = z.object({ sessionId: z.string(), resumeToken: z.string(), plan: PlanSchema });
export type InviteStartResult = z.infer<typeof InviteStartResultSchema>;

// ---------- integrity signals ----------

export const MAX_SIGNALS_PER_BATCH = 100;
export const MAX_SIGNALS_PER_SESSION = 2000;
const Chars = z.number().int().min(0).max(1_000_000);
const Ms = z.number().int().min(1).max(86_400_000);

export const SignalEventSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("paste"), questionId: QuestionId.optional(), chars: Chars }),
  z.strictObject({ kind: z.literal("away"), ms: Ms }),
  z.strictObject({ kind: z.literal("burst"), questionId: QuestionId.optional(), chars: Chars, ms: Ms }),
]);
export type SignalEvent = z.infer<typeof SignalEventSchema>;
export const SignalBatchBodySchema = z.strictObject({
  events: z
    .array(SignalEventSchema)
    .min(1, "send at least one event")
    .max(MAX_SIGNALS_PER_BATCH, `at most ${MAX_SIGNALS_PER_BATCH} events per request`),
});
export type SignalBatchBody = z.infer<typeof SignalBatchBodySchema>;

export const SignalRecordSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(["paste", "away", "burst"]),
  questionId: z.string().nullable(),
  chars: z.number().int().nullable(),
  ms: z.number().int().nullable(),
  at: z.number(),
});
export type SignalRecord = z.infer<typeof SignalRecordSchema>;

/** Facts, never a verdict: counts and sizes the team reads in context. */
export const SignalSummarySchema = z.object({
  pastes: z.number().int(),
  pastedChars: z.number().int(),
  largestPaste: z.number().int(),
  awayCount: z.number().int(),
  awayMs: z.number().int(),
  bursts: z.number().int(),
  fastestCharsPerSecond: z.number().nullable(),
});
export type SignalSummary = z.infer<typeof SignalSummarySchema>;

/** GET /api/sessions/:id/signals with the resume token: what was recorded, shown to the candidate. */
export const SessionSignalsSchema = z.object({
  recording: z.boolean(),
  recorded: z.array(z.string()),
  summary: SignalSummarySchema,
  events: z.array(SignalRecordSchema),
});
export type SessionSignals = z.infer<typeof SessionSignalsSchema>;

// ---------- dashboard ----------

export const TeamSessionsQuerySchema = z.strictObject({
  status: SessionStatusSchema.optional(),
  pack: z.string().max(200).optional(),
  invite: z.string().max(100).optional(),
  /** Matches the candidate label (case-insensitive substring). */
  q: z.string().max(100).optional(),
  sort: z.enum(["started", "score", "candidate", "pastes", "away", "time"]).default("started"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type TeamSessionsQuery = z.input<typeof TeamSessionsQuerySchema>;

export const TeamSessionRowSchema = SessionSummaryBaseSchema.extend({
  source: z.enum(["invite", "pack"]),
  inviteId: z.string().nullable(),
  candidateLabel: z.string().nullable(),
  candidateEmail: z.string().nullable(),
  packKey: z.string(),
  packVersion: z.number().int(),
  /** Wall time from start to completion (or to now while active). */
  secondsUsed: z.number().int(),
  /** Overall score with reviewers' overrides applied; null while active. */
  score: z.number().nullable(),
  /** The grader's overall score, before overrides. */
  gradedScore: z.number().nullable(),
  rounds: z.array(z.object({ roundId: z.string(), title: z.string(), score: z.number().nullable() })),
  signals: SignalSummarySchema,
  overrides: z.number().int(),
});
export type TeamSessionRow = z.infer<typeof TeamSessionRowSchema>;
export const TeamSessionListSchema = z.object({ sessions: z.array(TeamSessionRowSchema), packs: z.array(z.string()) });
export type TeamSessionList = z.infer<typeof TeamSessionListSchema>;

export const OverrideBodySchema = z.strictObject({
  questionId: z.string().min(1).max(120),
  criterionId: z.string().min(1).max(120),
  score: z.number().int().min(0).max(4),
  note: visibleText(z.string().trim().min(3, "an override needs a note saying why (3+ characters)").max(2000), "an override note"),
});
export type OverrideBody = z.infer<typeof OverrideBodySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  questionId: z.string(),
  criterionId: z.string(),
  original: z.number().int(),
  before: z.number().int(),
  after: z.number().int(),
  note: z.string(),
  /** The label of the token that made the change (one token per reviewer). */
  by: z.string(),
  /** The role that token had (null for overrides made before roles existed: every token could then override). */
  role: TokenRoleSchema.nullable(),
  tokenId: z.string(),
  at: z.number(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The current override of one criterion (the latest audit entry for it). */
export const CurrentOverrideSchema = z.object({
  score: z.number().int(),
  original: z.number().int(),
  note: z.string(),
  by: z.string(),
  at: z.number(),
});
export type CurrentOverride = z.infer<typeof CurrentOverrideSchema>;

export const TeamSessionDetailSchema = z.object({
  session: TeamSessionRowSchema,
  /** The report as graded (null while the session runs). */
  report: ReportSchema.nullable(),
  /** Keyed by `${questionId}/${criterionId}`. */
  overrides: z.record(z.string(), CurrentOverrideSchema),
  /** Question scores with overrides applied, by question id. */
  adjustedQuestionScores: z.record(z.string(), z.number()),
  audit: z.array(AuditEntrySchema),
  signals: z.array(SignalRecordSchema),
});
export type TeamSessionDetail = z.infer<typeof TeamSessionDetailSchema>;

// ---------- compare ----------

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 5;
export const CompareQuerySchema = z.strictObject({
  sessions: z
    .string()
    .max(400)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(SessionId)
        .min(MIN_COMPARE, `compare needs ${MIN_COMPARE} to ${MAX_COMPARE} sessions`)
        .max(MAX_COMPARE, `compare needs ${MIN_COMPARE} to ${MAX_COMPARE} sessions`),
    ),
});

export const ComparisonSchema = z.object({
  packKey: z.string(),
  packTitle: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      candidateLabel: z.string().nullable(),
      packVersion: z.number().int(),
      score: z.number().nullable(),
      signals: SignalSummarySchema,
    }),
  ),
  rounds: z.array(z.object({ roundId: z.string(), title: z.string(), scores: z.array(z.number().nullable()) })),
  /** One row per criterion of every question any of them was asked; null where a candidate was not asked it. */
  criteria: z.array(
    z.object({
      questionId: z.string(),
      questionTitle: z.string(),
      criterionId: z.string(),
      criterionTitle: z.string(),
      scores: z.array(z.number().int().nullable()),
      overridden: z.array(z.boolean()),
    }),
  ),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

// ---------- authoring help ----------

/**
 * What suggest-terms reads is one question's rubric and exemplars: at most a pack question's 20 criteria, and
 * answers of 20,000 characters each, 60,000 together (a strong, an adequate and a weak one). It runs in the pack
 * reader's thread, one team's turn at a time, and the whole of it is bounded, not only each part (session 18 red-team
 * F1), so a turn stays short for the teams behind it.
 */
export const SUGGEST_TERMS_LIMITS = { criteria: 20, answerChars: 20_000, totalAnswerChars: 60_000 } as const;
export const SuggestTermsBodySchema = z.strictObject({
  criteria: z
    .array(z.strictObject({ id: z.string().min(1).max(120), terms: z.array(z.string().max(200)).max(500).default([]) }))
    .min(1)
    .max(SUGGEST_TERMS_LIMITS.criteria, `at most ${SUGGEST_TERMS_LIMITS.criteria} criteria (a question's rubric)`),
  exemplars: z
    .array(
      z.strictObject({
        level: z.enum(["strong", "adequate", "weak"]),
        answer: z.string().max(SUGGEST_TERMS_LIMITS.answerChars),
        scores: z.record(z.string(), z.number().int().min(0).max(4)),
      }),
    )
    .max(50)
    .refine((list) => list.reduce((n, e) => n + e.answer.length, 0) <= SUGGEST_TERMS_LIMITS.totalAnswerChars, {
      message: `the exemplars' answers are at most ${SUGGEST_TERMS_LIMITS.totalAnswerChars.toLocaleString("en")} characters together (one question's strong, adequate and weak answers)`,
    }),
});
export type SuggestTermsBody = z.input<typeof SuggestTermsBodySchema>;
export const TermSuggestionsSchema = z.object({
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      terms: z.array(z.object({ term: z.string(), strong: z.number().int(), weak: z.number().int() })),
      note: z.string().nullable(),
    }),
  ),
});
export type TermSuggestions = z.infer<typeof TermSuggestionsSchema>;

export const DraftQuestionBodySchema = z.strictObject({
  role: z.string().trim().min(20, "describe the role in a sentence or more (20+ characters)").max(4000),
  kind: RoundKindSchema,
  level: LevelSchema,
  /** The pack in the editor: the drafted question is added to it (a new pack when absent). */
  source: z.string().max(2_000_000).optional(),
});
export type DraftQuestionBody = z.infer<typeof DraftQuestionBodySchema>;
export const DraftQuestionResultSchema = z.object({
  /** A whole pack holding the drafted question, as YAML to edit. */
  yaml: z.string(),
  valid: z.boolean(),
  issues: z.array(PackIssueSchema),
});
export type DraftQuestionResult = z.infer<typeof DraftQuestionResultSchema>;
