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

/** What was done to a team token, and by whom (migration 0009_token_events): the token audit trail. */
export type TeamTokenEventsTable = {
  id: string;
  team_id: string;
  /** The token acted on, and its label then. */
  token_id: string;
  token_label: string;
  /** issued | rotated | revoked */
  action: string;
  /** rotated: the token that replaced it; issued by a rotation: the token it replaces. */
  other_token_id: string | null;
  /** The token that acted; all null when the operator acted at the CLI. */
  actor_token_id: string | null;
  actor_label: string | null;
  actor_role: string | null;
  created_at: number;
};
