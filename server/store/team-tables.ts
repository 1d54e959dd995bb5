/** Row shapes of the hiring-team tables (migration 0005_teams_review). */

export type InvitesTable = {
  id: string;
  team_id: string;
  /** Only the hash of the link's secret is kept; the link is shown once, at creation. */
  token_hash: string;
  pack_key: string;
  candidate_label: string;
  /** Shown to the team only, never on the candidate's side. */
  candidate_email: string | null;
  mode: string;
  level: string | null;
  rounds_json: string | null;
  expires_at: number;
  created_at: number;
  /** The label of the token that created it. */
  created_by: string;
  revoked_at: number | null;
  /** Set once the candidate starts: an invite is sat once. */
  session_id: string | null;
};

export type IntegritySignalsTable = {
  session_id: string;
  seq: number;
  kind: string;
  question_id: string | null;
  chars: number | null;
  duration_ms: number | null;
  created_at: number;
};

export type ScoreOverridesTable = {
  id: string;
  session_id: string;
  team_id: string;
  question_id: string;
  criterion_id: string;
  /** The grader's score, before any override. */
  original_score: number;
  before_score: number;
  after_score: number;
  note: string;
  token_id: string;
  token_label: string;
  /** The acting token's role (migration 0008); null for overrides made before roles existed. */
  token_role: string | null;
  created_at: number;
};
