import { z } from "zod";
import { DraftSchema } from "./draft.js";

/**
 * Every error the server answers with, socket ack or HTTP body alike: one code per
 * distinct situation, so a client switches on the code and never on the wording
 * (which may change). Each code has one HTTP status; socket acks carry the same codes.
 */
export const ERROR_CODES = {
  BAD_PAYLOAD: { status: 400, means: "the payload, query or path does not match its schema; the message names what was wrong" },
  UNSUPPORTED_CHARSET: { status: 400, means: "a JSON body declared a charset other than UTF-8 (or US-ASCII, its subset)" },
  UNSUPPORTED_ENCODING: { status: 400, means: "the body was sent with a Content-Encoding the server does not read" },
  PAYLOAD_TOO_LARGE: { status: 413, means: "the body is over the route's size limit" },
  RATE_LIMITED: { status: 429, means: "too many requests from this connection, this address or in total; retryAfterMs says when to retry" },
  UNAUTHORIZED: { status: 401, means: "a team route without a live team API token" },
  FORBIDDEN_ROLE: {
    status: 403,
    means:
      "the team token's role may not do this (an owner manages tokens; editors publish and invite; reviewers override and export); the message names the role needed",
  },
  HOST_NOT_ALLOWED: {
    status: 403,
    means: "the request named a host this server does not answer to (DNS rebinding guard; see ALLOWED_HOSTS)",
  },
  FORBIDDEN: { status: 403, means: "wrong resume token, a session this connection has not joined, or a choice not allowed here" },
  NOT_FOUND: { status: 404, means: "no such session, pack, team, invite, token, question or route (for you)" },
  SESSION_OVER: { status: 409, means: "the session has ended; open its report" },
  SESSION_IN_PROGRESS: { status: 409, means: "the session is still running; its report (share, override, compare) comes when it ends" },
  NO_OPEN_QUESTION: { status: 409, means: "no question is awaiting an answer right now (the interview is between steps); retry shortly" },
  NOT_OPEN_QUESTION: { status: 409, means: "the question named is not the open one; the message names the open question" },
  ROUND_TIME_UP: { status: 409, means: "the round's time is up; its last saved draft is graded instead" },
  SUBMISSION_ID_REUSED: { status: 409, means: "this submissionId was already used for another question; use a new id per answer" },
  SESSION_BUSY: { status: 503, means: "another server instance is working on this session right now; retry in a moment" },
  VALIDATION_IN_PROGRESS: {
    status: 409,
    means: "the team already has a pack validation or upload running its reference solutions; retry when it ends",
  },
  PACK_NEEDS_FIX: {
    status: 409,
    means:
      "the pack's latest version was stored before a rule that now refuses it (its team's pack list names the problem); no new interview starts on it until the team publishes a fixed version",
  },
  PACK_READ_BUSY: {
    status: 409,
    means:
      "the team already has a pack being read and another waiting (validations, uploads and drafted questions placed in the editor's pack); retry when one of them answers",
  },
  PACK_READ_QUEUE_FULL: { status: 503, means: "the server's pack reader has as many packs waiting as it holds; retry in a minute" },
  PACK_READ_TIMEOUT: {
    status: 503,
    means:
      "reading and checking the pack took more processor time than the server allows (30 s of the reading thread's CPU time) and was stopped: the pack is too complex (or the server was too overloaded to finish it within ten times that in wall time)",
  },
  GRADING_TIMEOUT: {
    status: 503,
    means:
      "the grader spent more than its bound (GRADING_CPU_SECONDS of the grading thread's CPU time) on one reading and was stopped; the answer is kept, its question reported as not graded",
  },
  GRADING_QUEUE_FULL: {
    status: 503,
    means: "the session has more answers waiting for the grader than any interview step asks for at once; wait for them to be read",
  },
  PACK_VERSION_STALE: {
    status: 409,
    means:
      "the pack was published again since the version this text was based on (`baseVersion`), or a new pack's id is taken: open the latest version, bring your change over, and publish on it",
  },
  DRAFT_STALE: {
    status: 409,
    means:
      "the draft, submit or end names an older revision than the one stored (another tab or window saved this answer since); nothing was saved or handed in, the stored draft is in `draft`: load it, or save again on its revision to replace it, then submit or end again",
  },
  RUN_IN_PROGRESS: { status: 409, means: "a code run is already in progress for this session; wait for its results" },
  RUN_CANCELLED: {
    status: 409,
    means:
      "the code run's connection closed before it finished (waiting for a sandbox, about to start, or running: it was dropped or stopped, never reported as a crash); or a pack validation or upload was stopped because its request's connection closed (nobody was left to read it)",
  },
  SANDBOX_UNAVAILABLE: { status: 503, means: "this server runs no code sandbox" },
  LANGUAGE_UNAVAILABLE: { status: 503, means: "this server cannot run that language (the message says what to install)" },
  INVITE_USED: { status: 409, means: "the invite was already used to start a session" },
  INVITE_REVOKED: { status: 409, means: "the team withdrew the invite" },
  INVITE_EXPIRED: { status: 409, means: "the invite has expired" },
  SIGNALS_NOT_RECORDED: { status: 409, means: "integrity signals are recorded only for invited sessions" },
  SIGNALS_FULL: { status: 409, means: "the session holds the most integrity signals it may keep" },
  SCORE_UNCHANGED: { status: 409, means: "an override must change the score" },
  QUESTION_NOT_ASKED: {
    status: 409,
    means: "the question is in the session's plan but was never asked (the interview ended first): it has no scores to override",
  },
  TESTS_NOT_RUN: {
    status: 409,
    means: "the coding question was never answered with code, so its tests never ran and its tests-passed score cannot be overridden",
  },
  TOKEN_REVOKED: { status: 409, means: "the team token was already revoked" },
  LABEL_TAKEN: { status: 409, means: "a live team token already has that label (labels name reviewers in the audit trail)" },
  LABEL_CONFUSABLE: {
    status: 409,
    means:
      "the label reads the same as another live label of the team (look-alike letters such as Cyrillic \u0430 for Latin a); the message names both",
  },
  LABEL_ROLE_WORD: {
    status: 400,
    means:
      "the label holds a word naming a role or authority (owner, admin, administrator, reviewer, author, moderator, staff, system; look-alikes and any case); the message names it",
  },
  LAST_TOKEN: { status: 409, means: "the team's last live owner token cannot be revoked" },
  TEAM_EXISTS: { status: 409, means: "a team with that id already exists" },
  PACK_INVALID: { status: 400, means: "the pack has problems; the body's `issues` lists them with file, path, line and column" },
  PACK_ID_MISMATCH: { status: 400, means: "the pack's id differs from the id in the URL" },
  MODEL_NOT_CONFIGURED: { status: 503, means: "the feature needs a model and none is configured" },
  MODEL_FAILED: { status: 502, means: "the model did not answer usefully; try again" },
  INTERNAL: { status: 500, means: "the server failed; it has been logged" },
} as const satisfies Record<string, { status: number; means: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const errorStatus = (code: ErrorCode): number => ERROR_CODES[code].status;

export const ErrorDetailSchema = z.object({
  code: ErrorCodeSchema,
  /** For people; may change wording at any time. Switch on `code`. */
  message: z.string(),
  /** With RATE_LIMITED: when the same request would be accepted again. */
  retryAfterMs: z.number().optional(),
  /** With DRAFT_STALE: the draft stored now (another tab's newer save), to offer loading it; absent if none is stored. */
  draft: DraftSchema.optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/** One problem in a pack; line and column are 1-based and refer to the text sent. */
export const PackIssueSchema = z.object({
  file: z.string(),
  path: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  /** Stable kind of problem: "yaml", "schema", or a cross-check's code (docs/scenario-format.md). */
  code: z.string().optional(),
  message: z.string(),
});
export type PackIssue = z.infer<typeof PackIssueSchema>;

/** Every HTTP error body; `issues` only with PACK_INVALID. */
export const ErrorBodySchema = z.object({ error: ErrorDetailSchema, issues: z.array(PackIssueSchema).optional() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export type AckError = { ok: false; error: ErrorDetail };
export type Ack<T> = { ok: true; data: T } | AckError;
