import { z } from "zod";
import type { ErrorCode } from "./errors.js";
import { ROLES_THAT, type TokenRole } from "./roles.js";
import {
  HistoryRequestSchema,
  HistoryResponseSchema,
  MAX_RESUME_TOKEN,
  PracticeRequestSchema,
  PracticeSuggestionSchema,
} from "./history.js";
import { SessionId } from "./ids.js";
import { PublicPackSchema } from "./public-pack.js";
import { RegradeResultSchema, TeamRegradeResultSchema } from "./regrade.js";
import { ReportSchema } from "./report.js";
import { ShareCreatedSchema, ShareRevokedSchema, ShareTokenSchema } from "./share.js";
import {
  CompareQuerySchema,
  ComparisonSchema,
  DraftQuestionBodySchema,
  DraftQuestionResultSchema,
  InviteCreateBodySchema,
  InviteCreatedSchema,
  InviteSchema,
  InviteStartResultSchema,
  IssuedTokenSchema,
  OverrideBodySchema,
  PublicInviteSchema,
  SessionSignalsSchema,
  SignalBatchBodySchema,
  SuggestTermsBodySchema,
  TeamSessionDetailSchema,
  TeamSessionListSchema,
  TeamSessionsQuerySchema,
  TeamTokenSchema,
  TermSuggestionsSchema,
  TokenCreateBodySchema,
} from "./team.js";
import {
  PackDetailSchema,
  PackSourceBodySchema,
  PackSummarySchema,
  PublishedPackSchema,
  PackVersionQuerySchema,
  PublishQuerySchema,
  TeamInfoSchema,
  ValidateResultSchema,
} from "./team-packs.js";

/**
 * Every HTTP route in one table: method, path, who may call it, and the zod
 * schemas of its path parameters, query, body and response. The server's
 * routers register from it (server/http/serve.ts validates and types each
 * handler), the client's fetch helpers call through it (client/src/call-route.ts),
 * and GET /api/openapi.json is generated from it (./openapi.ts).
 *
 * Paths are Express paths: `:name` is one segment, `*name` one or more (a pack
 * key such as "acme/backend").
 */
export type RouteDef = {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  /** resumeToken: the session's resume token in X-Resume-Token; teamToken: `Authorization: Bearer <team token>`. */
  auth: "none" | "resumeToken" | "teamToken";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** How the body is sent: JSON (default) or the raw text of a pack (YAML or JSON). */
  bodyType?: "json" | "text";
  /** The success status. */
  status: 200 | 201;
  response: z.ZodType;
  responseType?: "json" | "csv";
  /** Codes this route answers with besides BAD_PAYLOAD, RATE_LIMITED and INTERNAL (any route may). */
  errors: readonly ErrorCode[];
  /** With auth "teamToken": the token roles allowed (server/contracts/roles.ts); others get FORBIDDEN_ROLE before anything is read. */
  roles?: readonly TokenRole[];
};

const route = <const R extends RouteDef>(r: R): R => r;

const Team = z.string().min(1).max(100);
const TeamParams = z.object({ team: Team });
const SessionParams = z.object({ sessionId: SessionId });
const InviteTokenParams = z.object({ token: z.string().min(16, "invite token is too short").max(200, "invite token is too long") });
const Id = z.string().min(1).max(200);

export const HealthSchema = z.object({
  ok: z.boolean(),
  database: z.string(),
  /** "recovering" while sessions left active by the last run are being brought back; new sessions work meanwhile. */
  status: z.enum(["recovering", "ready"]),
  packs: z.number().int(),
  uptimeSeconds: z.number().int(),
  /** Only with REDIS_URL: the Redis connection's state ("ready", "reconnecting", ...). */
  redis: z.string().optional(),
});

export const AuthoringCapabilitiesSchema = z.object({ draftQuestion: z.boolean() });
export const SignalsRecordedSchema = z.object({ recorded: z.number().int() });
/** The OpenAPI document itself (JSON), described loosely. */
export const OpenApiDocumentSchema = z.object({ openapi: z.string() }).catchall(z.unknown());

const RESUME_ERRORS = ["FORBIDDEN", "NOT_FOUND"] as const;
const TEAM_ERRORS = ["UNAUTHORIZED", "NOT_FOUND"] as const;
/** A pack's text is read in a worker thread with a bounded queue and a time bound (server/packs/reader). */
const PACK_READ_ERRORS = ["PACK_READ_BUSY", "PACK_READ_QUEUE_FULL", "PACK_READ_TIMEOUT"] as const;

export const routes = {
  // ---------- public ----------
  health: route({
    method: "get",
    path: "/api/health",
    summary: "Liveness: storage answers, packs loaded (503 when the database does not answer).",
    auth: "none",
    status: 200,
    response: HealthSchema,
    errors: [],
  }),
  openApi: route({
    method: "get",
    path: "/api/openapi.json",
    summary: "This API as an OpenAPI 3.1 document, generated from server/contracts/routes.ts.",
    auth: "none",
    status: 200,
    response: OpenApiDocumentSchema,
    errors: [],
  }),
  listPacks: route({
    method: "get",
    path: "/api/packs",
    summary: "Public packs (allow-listed fields only: never rubrics or exemplars).",
    auth: "none",
    status: 200,
    response: z.array(PublicPackSchema),
    errors: [],
  }),
  getPack: route({
    method: "get",
    path: "/api/packs/*key",
    summary: 'One public or unlisted pack by key ("ai-engineer", or "acme/backend" for a team pack).',
    auth: "none",
    params: z.object({ key: z.string().min(1).max(200) }),
    status: 200,
    response: PublicPackSchema,
    errors: ["NOT_FOUND"],
  }),
  report: route({
    method: "get",
    path: "/api/sessions/:sessionId/report",
    summary: "A finished session's report.",
    auth: "resumeToken",
    params: SessionParams,
    status: 200,
    response: ReportSchema,
    errors: [...RESUME_ERRORS, "SESSION_IN_PROGRESS"],
  }),
  regrade: route({
    method: "post",
    path: "/api/sessions/:sessionId/regrade",
    summary: "Grade again a finished session's questions reported as not graded (e.g. GRADING_TIMEOUT); nothing else changes.",
    auth: "resumeToken",
    params: SessionParams,
    status: 200,
    response: RegradeResultSchema,
    errors: [...RESUME_ERRORS, "SESSION_IN_PROGRESS", "GRADING_QUEUE_FULL"],
  }),
  createShare: route({
    method: "post",
    path: "/api/sessions/:sessionId/share",
    summary: "A read-only link to a finished session's report.",
    auth: "resumeToken",
    params: SessionParams,
    status: 201,
    response: ShareCreatedSchema,
    errors: [...RESUME_ERRORS, "SESSION_IN_PROGRESS"],
  }),
  revokeShares: route({
    method: "delete",
    path: "/api/sessions/:sessionId/share",
    summary: "Revoke every share link of a session.",
    auth: "resumeToken",
    params: SessionParams,
    status: 200,
    response: ShareRevokedSchema,
    errors: RESUME_ERRORS,
  }),
  history: route({
    method: "post",
    path: "/api/history",
    summary: "The sessions the given resume tokens prove, newest first.",
    auth: "none",
    body: HistoryRequestSchema,
    status: 200,
    response: HistoryResponseSchema,
    errors: [],
  }),
  practice: route({
    method: "post",
    path: "/api/history/practice",
    summary: '"Practise next": public questions whose rubrics score the given criteria.',
    auth: "none",
    body: PracticeRequestSchema,
    status: 200,
    response: PracticeSuggestionSchema,
    errors: [],
  }),
  sharedReport: route({
    method: "get",
    path: "/api/shared/:token",
    summary: "The report a live share link opens.",
    auth: "none",
    params: z.object({ token: ShareTokenSchema }),
    status: 200,
    response: ReportSchema,
    errors: ["NOT_FOUND"],
  }),
  describeInvite: route({
    method: "get",
    path: "/api/invites/:token",
    summary: "The candidate's view of an invite: what they will sit and what the team sees.",
    auth: "none",
    params: InviteTokenParams,
    status: 200,
    response: PublicInviteSchema,
    errors: ["NOT_FOUND"],
  }),
  startInvite: route({
    method: "post",
    path: "/api/invites/:token/start",
    summary: "Start the invited session (once); the graph streams its first question after this answer.",
    auth: "none",
    params: InviteTokenParams,
    status: 201,
    response: InviteStartResultSchema,
    errors: ["NOT_FOUND", "INVITE_USED", "INVITE_REVOKED", "INVITE_EXPIRED", "PACK_NEEDS_FIX"],
  }),
  sessionSignals: route({
    method: "get",
    path: "/api/sessions/:sessionId/signals",
    summary: "The integrity signals recorded about a session, shown to its candidate.",
    auth: "resumeToken",
    params: SessionParams,
    status: 200,
    response: SessionSignalsSchema,
    errors: RESUME_ERRORS,
  }),
  recordSignals: route({
    method: "post",
    path: "/api/sessions/:sessionId/signals",
    summary: "Record a batch of integrity signals (invited sessions only).",
    auth: "resumeToken",
    params: SessionParams,
    body: SignalBatchBodySchema,
    status: 201,
    response: SignalsRecordedSchema,
    errors: [...RESUME_ERRORS, "SIGNALS_NOT_RECORDED", "SIGNALS_FULL", "SESSION_OVER"],
  }),

  // ---------- team packs ----------
  teamMe: route({
    method: "get",
    path: "/api/teams/me",
    summary: "Which team a token belongs to.",
    auth: "teamToken",
    status: 200,
    response: TeamInfoSchema,
    errors: ["UNAUTHORIZED"],
    roles: ROLES_THAT.read,
  }),
  teamPacks: route({
    method: "get",
    path: "/api/teams/:team/packs",
    summary: "The team's packs, latest version of each.",
    auth: "teamToken",
    params: TeamParams,
    status: 200,
    response: z.array(PackSummarySchema),
    errors: TEAM_ERRORS,
    roles: ROLES_THAT.read,
  }),
  validatePack: route({
    method: "post",
    path: "/api/teams/:team/packs/validate",
    summary: "Dry run: every problem of a pack, or a preview of each question as a candidate sees it.",
    auth: "teamToken",
    params: TeamParams,
    body: PackSourceBodySchema,
    bodyType: "text",
    status: 200,
    response: ValidateResultSchema,
    errors: [...TEAM_ERRORS, "PAYLOAD_TOO_LARGE", "FORBIDDEN_ROLE", "VALIDATION_IN_PROGRESS", ...PACK_READ_ERRORS, "RUN_CANCELLED"],
    roles: ROLES_THAT.author,
  }),
  publishPack: route({
    method: "post",
    path: "/api/teams/:team/packs",
    summary: "Upload a new pack (YAML or JSON text).",
    auth: "teamToken",
    params: TeamParams,
    query: PublishQuerySchema,
    body: PackSourceBodySchema,
    bodyType: "text",
    status: 201,
    response: PublishedPackSchema,
    errors: [
      ...TEAM_ERRORS,
      "PACK_INVALID",
      "PACK_VERSION_STALE",
      "PAYLOAD_TOO_LARGE",
      "FORBIDDEN_ROLE",
      "VALIDATION_IN_PROGRESS",
      ...PACK_READ_ERRORS,
      "RUN_CANCELLED",
    ],
    roles: ROLES_THAT.author,
  }),
  publishPackVersion: route({
    method: "put",
    path: "/api/teams/:team/packs/:packId",
    summary: "Upload the next version of a pack (its id must match the URL).",
    auth: "teamToken",
    params: TeamParams.extend({ packId: Id }),
    query: PublishQuerySchema,
    body: PackSourceBodySchema,
    bodyType: "text",
    status: 201,
    response: PublishedPackSchema,
    errors: [
      ...TEAM_ERRORS,
      "PACK_INVALID",
      "PACK_ID_MISMATCH",
      "PACK_VERSION_STALE",
      "PAYLOAD_TOO_LARGE",
      "FORBIDDEN_ROLE",
      "VALIDATION_IN_PROGRESS",
      ...PACK_READ_ERRORS,
      "RUN_CANCELLED",
    ],
    roles: ROLES_THAT.author,
  }),
  teamPack: route({
    method: "get",
    path: "/api/teams/:team/packs/:packId",
    summary: "One of the team's packs (latest, or ?version=N), with its source and versions.",
    auth: "teamToken",
    params: TeamParams.extend({ packId: Id }),
    query: PackVersionQuerySchema,
    status: 200,
    response: PackDetailSchema,
    errors: TEAM_ERRORS,
    roles: ROLES_THAT.read,
  }),

  // ---------- team review ----------
  tokens: route({
    method: "get",
    path: "/api/teams/:team/tokens",
    summary: "The team's named tokens (one per reviewer).",
    auth: "teamToken",
    params: TeamParams,
    status: 200,
    response: z.array(TeamTokenSchema),
    errors: [...TEAM_ERRORS, "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.manageTokens,
  }),
  createToken: route({
    method: "post",
    path: "/api/teams/:team/tokens",
    summary: "Issue a named token; the secret is in this response only.",
    auth: "teamToken",
    params: TeamParams,
    body: TokenCreateBodySchema,
    status: 201,
    response: IssuedTokenSchema,
    errors: [...TEAM_ERRORS, "FORBIDDEN_ROLE", "LABEL_TAKEN", "LABEL_CONFUSABLE", "LABEL_ROLE_WORD"],
    roles: ROLES_THAT.manageTokens,
  }),
  rotateOwnToken: route({
    method: "post",
    path: "/api/teams/:team/tokens/current/rotate",
    summary: "Replace the secret of the token making this request (any role: a leaked token can be rotated by its holder).",
    auth: "teamToken",
    params: TeamParams,
    status: 201,
    response: IssuedTokenSchema,
    errors: [...TEAM_ERRORS, "TOKEN_REVOKED"],
    roles: ROLES_THAT.read,
  }),
  rotateToken: route({
    method: "post",
    path: "/api/teams/:team/tokens/:tokenId/rotate",
    summary: "Replace any token's secret (owners); the old one stops working and the audit trail records who rotated it.",
    auth: "teamToken",
    params: TeamParams.extend({ tokenId: Id }),
    status: 201,
    response: IssuedTokenSchema,
    errors: [...TEAM_ERRORS, "TOKEN_REVOKED", "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.manageTokens,
  }),
  revokeToken: route({
    method: "delete",
    path: "/api/teams/:team/tokens/:tokenId",
    summary: "Revoke a token (not the team's last live one).",
    auth: "teamToken",
    params: TeamParams.extend({ tokenId: Id }),
    status: 200,
    response: TeamTokenSchema,
    errors: [...TEAM_ERRORS, "TOKEN_REVOKED", "LAST_TOKEN", "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.manageTokens,
  }),
  invites: route({
    method: "get",
    path: "/api/teams/:team/invites",
    summary: "The team's invites.",
    auth: "teamToken",
    params: TeamParams,
    status: 200,
    response: z.array(InviteSchema),
    errors: TEAM_ERRORS,
    roles: ROLES_THAT.read,
  }),
  createInvite: route({
    method: "post",
    path: "/api/teams/:team/invites",
    summary: "Invite a candidate to one of the team's packs; the link is in this response only.",
    auth: "teamToken",
    params: TeamParams,
    body: InviteCreateBodySchema,
    status: 201,
    response: InviteCreatedSchema,
    errors: [...TEAM_ERRORS, "FORBIDDEN_ROLE", "LABEL_CONFUSABLE", "PACK_NEEDS_FIX"],
    roles: ROLES_THAT.author,
  }),
  revokeInvite: route({
    method: "delete",
    path: "/api/teams/:team/invites/:inviteId",
    summary: "Withdraw an invite that was not used yet.",
    auth: "teamToken",
    params: TeamParams.extend({ inviteId: Id }),
    status: 200,
    response: InviteSchema,
    errors: [...TEAM_ERRORS, "INVITE_USED", "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.author,
  }),
  teamSessions: route({
    method: "get",
    path: "/api/teams/:team/sessions",
    summary: "The dashboard: the team's sessions, filtered and sorted.",
    auth: "teamToken",
    params: TeamParams,
    query: TeamSessionsQuerySchema,
    status: 200,
    response: TeamSessionListSchema,
    errors: TEAM_ERRORS,
    roles: ROLES_THAT.read,
  }),
  teamSessionsCsv: route({
    method: "get",
    path: "/api/teams/:team/sessions.csv",
    summary: "The dashboard as CSV (UTF-8 with a BOM).",
    auth: "teamToken",
    params: TeamParams,
    query: TeamSessionsQuerySchema,
    status: 200,
    response: z.string(),
    responseType: "csv",
    errors: [...TEAM_ERRORS, "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.review,
  }),
  teamSession: route({
    method: "get",
    path: "/api/teams/:team/sessions/:sessionId",
    summary: "One session: report, overrides, audit trail and integrity signals.",
    auth: "teamToken",
    params: TeamParams.extend({ sessionId: SessionId }),
    status: 200,
    response: TeamSessionDetailSchema,
    errors: TEAM_ERRORS,
    roles: ROLES_THAT.read,
  }),
  overrideScore: route({
    method: "post",
    path: "/api/teams/:team/sessions/:sessionId/overrides",
    summary: "Override one criterion's score, with a note (audited).",
    auth: "teamToken",
    params: TeamParams.extend({ sessionId: SessionId }),
    body: OverrideBodySchema,
    status: 201,
    response: TeamSessionDetailSchema,
    errors: [...TEAM_ERRORS, "SESSION_IN_PROGRESS", "SCORE_UNCHANGED", "QUESTION_NOT_ASKED", "TESTS_NOT_RUN", "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.review,
  }),
  teamRegrade: route({
    method: "post",
    path: "/api/teams/:team/sessions/:sessionId/regrade",
    summary: "Grade again a finished session's questions reported as not graded (e.g. GRADING_TIMEOUT); overrides and the rest stay.",
    auth: "teamToken",
    params: TeamParams.extend({ sessionId: SessionId }),
    status: 200,
    response: TeamRegradeResultSchema,
    errors: [...TEAM_ERRORS, "SESSION_IN_PROGRESS", "GRADING_QUEUE_FULL", "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.review,
  }),
  compare: route({
    method: "get",
    path: "/api/teams/:team/compare",
    summary: "2-5 finished sessions on the same pack, criterion by criterion.",
    auth: "teamToken",
    params: TeamParams,
    query: CompareQuerySchema,
    status: 200,
    response: ComparisonSchema,
    errors: [...TEAM_ERRORS, "SESSION_IN_PROGRESS"],
    roles: ROLES_THAT.read,
  }),
  authoringCapabilities: route({
    method: "get",
    path: "/api/teams/:team/authoring/capabilities",
    summary: "Which authoring helps this server offers.",
    auth: "teamToken",
    params: TeamParams,
    status: 200,
    response: AuthoringCapabilitiesSchema,
    errors: TEAM_ERRORS,
    roles: ROLES_THAT.read,
  }),
  suggestTerms: route({
    method: "post",
    path: "/api/teams/:team/authoring/suggest-terms",
    summary: "Evidence terms suggested from the exemplars (offline).",
    auth: "teamToken",
    params: TeamParams,
    body: SuggestTermsBodySchema,
    status: 200,
    response: TermSuggestionsSchema,
    errors: [...TEAM_ERRORS, "FORBIDDEN_ROLE", ...PACK_READ_ERRORS],
    roles: ROLES_THAT.author,
  }),
  draftQuestion: route({
    method: "post",
    path: "/api/teams/:team/authoring/draft-question",
    summary: "A model-drafted question, as a pack to edit.",
    auth: "teamToken",
    params: TeamParams,
    body: DraftQuestionBodySchema,
    status: 200,
    response: DraftQuestionResultSchema,
    errors: [...TEAM_ERRORS, "MODEL_NOT_CONFIGURED", "MODEL_FAILED", ...PACK_READ_ERRORS, "FORBIDDEN_ROLE"],
    roles: ROLES_THAT.author,
  }),
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** The largest resume token a header may carry (shared with the history file). */
export const ResumeTokenHeaderSchema = z
  .string({ message: "send the session's resume token in the X-Resume-Token header" })
  .min(16, "resume token is too short")
  .max(MAX_RESUME_TOKEN, "resume token is too long");
