import type { ColumnType, Generated } from "kysely";
import type { InvitesTable, IntegritySignalsTable, ScoreOverridesTable, TeamTokenEventsTable } from "./team-tables.js";

/** Row shapes of the app tables (LangGraph keeps its own checkpoint tables). */
export type SessionsTable = {
  id: string;
  resume_token_hash: string;
  pack_id: string;
  pack_version: number;
  mode: string;
  level: string | null;
  /** Owned here, written once at start; the graph gets it as its input (interviewPlan) and never changes it. */
  plan_json: string;
  /** Owned here (not in the checkpoint): "complete" once the report node stored the report. */
  status: "active" | "complete";
  /** The report, derived once from the final checkpoint by the report node; validated on read (stored-json.ts). */
  report_json: string | null;
  /**
   * A copy of the checkpoint's round deadline (the checkpoint owns it), written after every step and null
   * between rounds: an index, so instances sharing one database find passed deadlines without reading
   * checkpoints (server/cluster/leases.ts). Never read as the deadline itself.
   */
  round_ends_at: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  /** Set when a team owns the session (an invite); see team-tables.ts. */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  invite_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type EventsTable = {
  session_id: string;
  seq: number;
  type: string;
  payload_json: string;
  created_at: number;
  /** Deterministic per graph step and event (e.g. "round:end:design"); null for events without one. */
  event_key: string | null;
};

export type AnswersTable = {
  session_id: string;
  submission_id: string;
  question_id: string;
  text: string | null;
  code: string | null;
  language: string | null;
  reason: string;
  created_at: number;
};

export type DraftsTable = {
  session_id: string;
  question_id: string;
  text: string | null;
  code: string | null;
  language: string | null;
  saved_at: number;
  /** Counts saves of this draft (1 for the first; 0 for drafts saved before revisions): a save names the one it was typed on. */
  revision: Generated<number>;
};

export type TeamsTable = {
  id: string;
  name: string;
  created_at: number;
};

export type TeamTokensTable = {
  token_hash: string;
  team_id: string;
  label: string;
  created_at: number;
  revoked_at: number | null;
  /** Public id (for list/rotate/revoke) and last authenticated use. */
  id: string;
  last_used_at: number | null;
  /** owner | editor | reviewer | viewer (migration 0008; existing tokens became owners). Read through TokenRoleSchema. */
  role: string | null;
};

/** Every version of every pack, built-in or uploaded; a version never changes once written. */
export type PacksTable = {
  /** "ai-engineer" for built-ins, "<team>/<id>" for team packs. */
  pack_key: string;
  version: number;
  /** Null for built-in packs. */
  team_id: string | null;
  visibility: "public" | "unlisted" | "private";
  /** What the author wrote, kept for editing. */
  source: string;
  /** The validated pack. */
  pack_json: string;
  created_at: number;
};

/** A read-only link to one session's report; the token itself is never stored. */
export type ShareLinksTable = {
  token_hash: string;
  session_id: string;
  created_at: number;
  revoked_at: number | null;
};

/** Who runs a session's graph steps now (several instances on PostgreSQL; see server/cluster/). */
export type SessionLeasesTable = {
  session_id: string;
  /** The instance id that took it last (kept after release, so that instance knows nobody came between). */
  holder: string;
  /** Grows by one each time another instance takes the session: writes carrying an older one are refused. */
  fence: number;
  expires_at: number;
  held: number;
};

export type Database = {
  sessions: SessionsTable;
  events: EventsTable;
  answers: AnswersTable;
  drafts: DraftsTable;
  teams: TeamsTable;
  team_tokens: TeamTokensTable;
  packs: PacksTable;
  share_links: ShareLinksTable;
  invites: InvitesTable;
  integrity_signals: IntegritySignalsTable;
  score_overrides: ScoreOverridesTable;
  session_leases: SessionLeasesTable;
  team_token_events: TeamTokenEventsTable;
};
