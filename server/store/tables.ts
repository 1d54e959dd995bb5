import type { Generated } from "kysely";

/** Row shapes of the app tables (LangGraph keeps its own checkpoint tables). */
export type SessionsTable = {
  id: string;
  resume_token_hash: string;
  pack_id: string;
  pack_version: number;
  mode: string;
  level: string | null;
  plan_json: string;
  status: "active" | "complete";
  round_ends_at: number | null;
  report_json: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
};

export type EventsTable = {
  session_id: string;
  seq: number;
  type: string;
  payload_json: string;
  created_at: number;
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
};

export type GradesTable = {
  session_id: string;
  question_id: string;
  criterion_id: string;
  score: number;
  evidence_json: string;
  feedback: string;
  source: string;
  insufficient: number;
  created_at: number;
};

export type MigrationsTable = { id: Generated<number> };

export type Database = {
  sessions: SessionsTable;
  events: EventsTable;
  answers: AnswersTable;
  drafts: DraftsTable;
  grades: GradesTable;
};
