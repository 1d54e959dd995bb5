import { z } from "zod";
import { wellFormed, wellFormedText } from "./well-formed.js";
import { LanguageSchema, LevelSchema, RoundKindSchema } from "./enums.js";
import { ModeSchema, QuestionId, SessionId } from "./ids.js";
import type { Ack } from "./errors.js";
import { SessionStatusSchema } from "./session-summary.js";
import type { TransientServerEvents } from "./code-waiting.js";
import { MAX_ID_LENGTH, MAX_ROUNDS_PER_SESSION } from "./limits.js";
import { isBlank } from "./blank.js";
import { DraftSchema } from "./draft.js";
import { VisibleTestSchema, type TestReport } from "./tests.js";

/**
 * The one socket.io event map, shared by server and client. Payload shapes are
 * zod schemas; TypeScript types are inferred from them so each is declared once.
 * docs/protocol.md describes the same map for people.
 */

// ---------- client -> server payloads ----------

export const MAX_TEXT_ANSWER = 20_000;
export const MAX_CODE_ANSWER = 50_000;

const AnswerContent = {
  text: wellFormed(z.string().max(MAX_TEXT_ANSWER, `text is limited to ${MAX_TEXT_ANSWER} characters`)).optional(),
  code: wellFormed(z.string().max(MAX_CODE_ANSWER, `code is limited to ${MAX_CODE_ANSWER} characters`)).optional(),
  language: LanguageSchema.optional(),
};

export const SessionStartPayloadSchema = z
  .strictObject({
    packId: z.string().min(1).max(MAX_ID_LENGTH),
    level: LevelSchema.optional(),
    /** Round ids from the pack, in the order to sit them; all rounds when absent. */
    rounds: z
      .array(z.string().min(1).max(MAX_ID_LENGTH))
      .min(1)
      .max(MAX_ROUNDS_PER_SESSION, `at most ${MAX_ROUNDS_PER_SESSION} rounds`)
      .optional(),
    mode: ModeSchema.default("timed"),
    /** A team's API token: lets that team sit its own private packs (to try them out). */
    teamToken: z.string().min(8).max(200).optional(),
    /**
     * Sit exactly these questions of a public pack ("practise next"), each in its
     * pack round, instead of the pack's pick; `rounds` must then be absent.
     */
    questionIds: z
      .array(z.string().min(1).max(120))
      .min(1, "questionIds needs at least one question")
      .max(6, "questionIds is limited to 6 questions")
      .refine((ids) => new Set(ids).size === ids.length, "questionIds must not repeat")
      .optional(),
  })
  .refine((p) => !(p.questionIds && p.rounds), { message: "send either rounds or questionIds, not both", path: ["questionIds"] });
export type SessionStartPayload = z.input<typeof SessionStartPayloadSchema>;

export const SessionResumePayloadSchema = z.strictObject({
  sessionId: SessionId,
  resumeToken: z.string().min(16).max(MAX_ID_LENGTH),
  /** The highest seq this client has applied; events after it are replayed. */
  lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type SessionResumePayload = z.infer<typeof SessionResumePayloadSchema>;

/** A draft revision a client names: how many saves the draft it shows had (0: none). */
const RevisionSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const AnswerDraftPayloadSchema = z.strictObject({
  sessionId: SessionId,
  questionId: QuestionId,
  ...AnswerContent,
  /**
   * The draft revision this text was typed on: the `revision` of the last save this client made or loaded (the
   * snapshot's draft), 0 when there was none. A save whose base is not the stored revision (another tab saved
   * since) is refused with DRAFT_STALE and the stored draft; absent, the save goes over whatever is stored.
   */
  baseRevision: RevisionSchema.optional(),
});
export type AnswerDraftPayload = z.infer<typeof AnswerDraftPayloadSchema>;

export const AnswerSubmitPayloadSchema = z
  .strictObject({
    sessionId: SessionId,
    questionId: QuestionId,
    /** Client-generated, unique per session; a retried submit with the same id is not a second answer. */
    submissionId: z.string().min(8).max(100),
    ...AnswerContent,
    /**
     * The draft revision the submitting tab shows (as `answer:draft`'s `baseRevision`): when the stored draft is at
     * another revision (another tab saved since) and says something else, the submit is refused with DRAFT_STALE and
     * the stored draft, and nothing is recorded (a stale tab would throw the newer text away: session 18 red-team F2). Absent (clients from before), the submit is not checked.
     */
    baseRevision: RevisionSchema.optional(),
  })
  .refine((p) => !isBlank(p.text) || !isBlank(p.code), {
    message: 'an answer needs non-blank text or code (to skip a question, submit the text "skip")',
    path: ["text"],
  })
  .refine((p) => isBlank(p.code) || p.language !== undefined, {
    message: "code needs its language (one of the question's languages)",
    path: ["language"],
  });
export type AnswerSubmitPayload = z.infer<typeof AnswerSubmitPayloadSchema>;

export const SessionEndPayloadSchema = z.strictObject({
  sessionId: SessionId,
  /**
   * The open question and the draft revision the ending tab shows for it (its last save's, or the snapshot's): ending
   * grades the stored draft, so when another tab saved since, the end is refused with DRAFT_STALE and the stored draft.
   * Absent, the end is not checked.
   */
  shown: z.strictObject({ questionId: QuestionId, baseRevision: RevisionSchema }).optional(),
});

export const CodeRunPayloadSchema = z.strictObject({
  sessionId: SessionId,
  questionId: QuestionId,
  // Made well formed as a submitted answer is, so a run and a submit of the same code run the same text.
  code: z
    .string()
    .max(MAX_CODE_ANSWER, `code is limited to ${MAX_CODE_ANSWER} characters`)
    .refine((c) => !isBlank(c), "there is no code to run")
    .transform(wellFormedText),
  language: LanguageSchema,
});
export type CodeRunPayload = z.infer<typeof CodeRunPayloadSchema>;
export type SessionEndPayload = z.infer<typeof SessionEndPayloadSchema>;

/** Every client->server event and the schema its payload must match. */
export const ClientEventSchemas = {
  "session:start": SessionStartPayloadSchema,
  "session:resume": SessionResumePayloadSchema,
  "answer:draft": AnswerDraftPayloadSchema,
  "answer:submit": AnswerSubmitPayloadSchema,
  "session:end": SessionEndPayloadSchema,
  "code:run": CodeRunPayloadSchema,
} as const;
export type ClientEventName = keyof typeof ClientEventSchemas;

// ---------- shared pieces of results and events ----------

export const PlanRoundSchema = z.object({
  roundId: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  minutes: z.number(),
  questionIds: z.array(z.string()),
});
export const PlanSchema = z.object({ rounds: z.array(PlanRoundSchema) });
export type Plan = z.infer<typeof PlanSchema>;
export type PlanRound = z.infer<typeof PlanRoundSchema>;

export const AnswerFormatSchema = z.enum(["text", "code"]);
export type AnswerFormat = z.infer<typeof AnswerFormatSchema>;

export const RoundInfoSchema = z.object({
  roundId: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  index: z.number().int(),
  total: z.number().int(),
  /** Epoch ms when the round ends; null in practice mode (untimed). */
  endsAt: z.number().nullable(),
});
export type RoundInfo = z.infer<typeof RoundInfoSchema>;

export const QuestionInfoSchema = z.object({
  questionId: QuestionId,
  baseQuestionId: z.string(),
  kind: z.enum(["main", "follow-up"]),
  roundId: z.string(),
  title: z.string(),
  answerFormat: AnswerFormatSchema,
  languages: z.array(LanguageSchema),
  starterCode: z.partialRecord(LanguageSchema, z.string()).optional(),
  /** Coding: the visible tests, so the candidate knows what "Run tests" checks. */
  visibleTests: z.array(VisibleTestSchema).optional(),
  /** 1-based position of the main question in its round. */
  index: z.number().int(),
  totalInRound: z.number().int(),
});
export type QuestionInfo = z.infer<typeof QuestionInfoSchema>;

export const RoundEndReasonSchema = z.enum(["completed", "timeout", "ended"]);
export type RoundEndReason = z.infer<typeof RoundEndReasonSchema>;

export const FeedbackCriterionSchema = z.object({
  criterionId: z.string(),
  title: z.string(),
  score: z.number().int().min(0).max(4),
  feedback: z.string(),
});

// ---------- server -> client events (each carries the session's seq) ----------

const Seq = { seq: z.number().int().positive(), sessionId: SessionId };

export const ServerEventSchemas = {
  "round:start": z.object({ ...Seq, ...RoundInfoSchema.shape, serverNow: z.number() }),
  "question:start": z.object({ ...Seq, ...QuestionInfoSchema.shape }),
  "question:delta": z.object({ ...Seq, questionId: QuestionId, text: z.string() }),
  "question:end": z.object({ ...Seq, questionId: QuestionId, text: z.string() }),
  /** Practice mode only: scores for the question just finished. */
  feedback: z.object({
    ...Seq,
    questionId: z.string(),
    /**
     * The graded (main) question's title, so a client that lost its own state (a page
     * reload before the feedback arrived) still names it. Optional: feedback stored before it was added lacks it.
     */
    title: z.string().optional(),
    score: z.number().min(0).max(100),
    criteria: z.array(FeedbackCriterionSchema),
    /** One thing to do better next time, from the weakest criterion. */
    tip: z.string(),
  }),
  "round:end": z.object({ ...Seq, roundId: z.string(), reason: RoundEndReasonSchema }),
  "session:complete": z.object({
    ...Seq,
    reportUrl: z.string(),
    summary: z.object({ overall: z.number(), questions: z.number().int(), answered: z.number().int() }),
  }),
} as const;

export type ServerEventName = keyof typeof ServerEventSchemas;
export type ServerEvent<N extends ServerEventName> = z.infer<(typeof ServerEventSchemas)[N]>;
/** An event as the graph emits it, before the store stamps seq and sessionId. */
export type ServerEventBody<N extends ServerEventName> = Omit<ServerEvent<N>, "seq" | "sessionId">;

// ---------- acks ----------

export const SnapshotSchema = z.object({
  sessionId: SessionId,
  status: SessionStatusSchema,
  mode: ModeSchema,
  packId: z.string(),
  packVersion: z.number().int(),
  plan: PlanSchema,
  lastSeq: z.number().int(),
  serverNow: z.number(),
  round: RoundInfoSchema.nullable(),
  /** The question awaiting an answer, with its full text. */
  question: QuestionInfoSchema.extend({ text: z.string() }).nullable(),
  draft: DraftSchema.nullable(),
  /** Coding follow-ups: the code last submitted for this question, to keep working on. */
  lastCode: z.object({ code: z.string(), language: LanguageSchema }).nullable(),
  reportUrl: z.string().nullable(),
  /**
   * During a follow-up: the turns of the same question before it (the original
   * question and the candidate's answers), so the room can keep them in view.
   */
  earlierTurns: z
    .array(
      z.object({
        kind: z.enum(["main", "follow-up"]),
        prompt: z.string(),
        answer: z.object({ text: z.string().optional(), code: z.string().optional(), language: LanguageSchema.optional() }).nullable(),
      }),
    )
    .default([]),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export type SessionStartResult = { sessionId: string; resumeToken: string; plan: Plan };
export type SessionResumeResult = { snapshot: Snapshot };
export type AnswerDraftResult = { savedAt: number; revision: number };
export type AnswerSubmitResult = { accepted: boolean; duplicate: boolean };
export type SessionEndResult = { ended: boolean };
/** Visible tests only: what "Run tests" shows while the candidate works. */
export type CodeRunResult = { report: TestReport };

type Handler<P, R> = (payload: P, ack: (result: Ack<R>) => void) => void;

export interface ClientToServerEvents extends Record<ClientEventName, Handler<never, unknown>> {
  "session:start": Handler<SessionStartPayload, SessionStartResult>;
  "session:resume": Handler<SessionResumePayload, SessionResumeResult>;
  "answer:draft": Handler<AnswerDraftPayload, AnswerDraftResult>;
  "answer:submit": Handler<AnswerSubmitPayload, AnswerSubmitResult>;
  "session:end": Handler<SessionEndPayload, SessionEndResult>;
  "code:run": Handler<CodeRunPayload, CodeRunResult>;
}

export type ServerToClientEvents = {
  [N in ServerEventName]: (event: ServerEvent<N>) => void;
} & TransientServerEvents;
