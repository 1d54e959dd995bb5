import { createHash, randomBytes } from "node:crypto";
import {
  aRole,
  canGrant,
  confusable,
  displayForm,
  TeamNameSchema,
  TokenLabelSchema,
  TokenRoleSchema,
  type ErrorCode,
  type TeamToken,
  type TokenRole,
} from "../contracts/index.js";
import { StoredDataError, type Store, type TeamRow, type TeamTokenRow } from "../store/index.js";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
/** Writes of "last used" are coalesced: one per token per minute is plenty to read. */
const TOUCH_EVERY_MS = 60_000;

/** "Acme Hiring" -> "acme-hiring": the id used in URLs and pack keys. */
export function teamIdFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** An id given for a team (`team create --id`): the shape teamIdFrom makes, [a-z0-9] words joined by "-". */
export function checkedTeamId(given: string): string {
  if (given.length <= 40 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(given)) return given;
  const suggestion = teamIdFrom(given);
  throw new TeamError(
    `team id "${given}" must be lower-case ASCII letters and digits, words joined by "-", at most 40 characters${suggestion ? ` (e.g. "${suggestion}")` : ""}`,
    "BAD_PAYLOAD",
  );
}

/** Why a name gave no id: nothing at all to read, or letters outside ASCII (which ids are made of). */
function noIdFrom(name: string): string {
  if (/[\p{L}\p{N}]/u.test(name))
    return `"${name}" has letters, but none in ASCII to make a team id from (ids are a-z, 0-9 and "-"); give one with --id, e.g. --id acme`;
  return `"${name}" has no letters or digits to make a team id from; give one with --id, e.g. --id acme`;
}

/** A team operation refused; `code` is stable (CLI exit text and HTTP status come from it). */
export class TeamError extends Error {
  override name = "TeamError";
  constructor(
    message: string,
    readonly code: Extract<
      ErrorCode,
      "NOT_FOUND" | "BAD_PAYLOAD" | "TOKEN_REVOKED" | "LABEL_TAKEN" | "LABEL_CONFUSABLE" | "TEAM_EXISTS" | "LAST_TOKEN" | "FORBIDDEN_ROLE"
    >,
  ) {
    super(message);
  }
}

/** Who made a request: the team, the named token (one per reviewer) and what it may do. */
export type TeamIdentity = { teamId: string; tokenId: string; label: string; role: TokenRole };

/** A stored token's role; a row without a valid one (never written by this server) is an error, not a default. */
export function roleOf(row: Pick<TeamTokenRow, "id" | "role">): TokenRole {
  const parsed = TokenRoleSchema.safeParse(row.role);
  if (!parsed.success) throw new StoredDataError(`team_tokens.role of ${row.id} is not a role: ${JSON.stringify(row.role)}`);
  return parsed.data;
}

export const tokenView = (row: TeamTokenRow, currentId: string | null = null): Omit<TeamToken, never> => ({
  id: row.id,
  label: row.label,
  role: roleOf(row),
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  current: row.id === currentId,
});

/** Teams and their named API tokens. A token is shown once; only its hash is stored. */
export function createTeams(store: Store, now: () => number) {
  const issueToken = async (teamId: string, label: string, role: TokenRole): Promise<{ token: string; row: TeamTokenRow }> => {
    const token = `mit_${randomBytes(24).toString("base64url")}`;
    const row = { id: `tok_${randomBytes(8).toString("hex")}`, token_hash: hash(token), team_id: teamId, label, role, created_at: now() };
    await store.teams.addToken(row);
    return { token, row: { ...row, revoked_at: null, last_used_at: null } };
  };
  const requireTeam = async (teamId: string) => {
    const team = await store.teams.get(teamId);
    if (!team) throw new TeamError(`no team "${teamId}"`, "NOT_FOUND");
    return team;
  };
  const requireToken = async (teamId: string, tokenId: string) => {
    const row = await store.teams.token(teamId, tokenId);
    if (!row) throw new TeamError(`no token "${tokenId}" in team "${teamId}"`, "NOT_FOUND");
    if (row.revoked_at !== null) throw new TeamError(`token "${row.label}" (${tokenId}) is already revoked`, "TOKEN_REVOKED");
    return row;
  };
  const requireFreeLabel = async (teamId: string, label: string) => {
    const live = (await store.teams.tokens(teamId)).filter((t) => t.revoked_at === null);
    // Compared in display form: a label stored before spaces were collapsed ("Sam  Lee") still holds its name.
    const clash = live.find((t) => displayForm(t.label) === label);
    if (clash)
      throw new TeamError(
        `a live token is already labelled "${label}" (${clash.id}); labels name reviewers in the audit trail, so they must differ`,
        "LABEL_TAKEN",
      );
    // "rev1" next to "revl" or a whole-Cyrillic "rеv1" would be two reviewers the audit trail shows alike.
    const alike = live.find((t) => confusable(t.label, label));
    if (alike)
      throw new TeamError(
        `"${label}" reads the same as the live token "${alike.label}" (${alike.id}); labels name reviewers in the audit trail, so pick one that looks different`,
        "LABEL_CONFUSABLE",
      );
  };

  /** The contract's limits hold for every caller (the CLI as well as the API). */
  const checked = (schema: typeof TeamNameSchema, value: string): string => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new TeamError(parsed.error.issues[0]!.message, "BAD_PAYLOAD");
    return parsed.data;
  };

  const teams = {
    /** `givenId`: the id to use instead of one made from the name (a name in another script has no ASCII to make it). */
    async create(given: string, givenId?: string): Promise<{ team: TeamRow; token: string }> {
      const name = checked(TeamNameSchema, given);
      const id = givenId === undefined ? teamIdFrom(name) : checkedTeamId(givenId);
      if (!id) throw new TeamError(noIdFrom(name), "BAD_PAYLOAD");
      if (await store.teams.get(id)) throw new TeamError(`a team with id "${id}" already exists`, "TEAM_EXISTS");
      const team = { id, name: name.trim(), created_at: now() };
      await store.teams.insert(team);
      // The bootstrap token: someone has to be able to mint the others.
      return { team, token: (await issueToken(id, "owner", "owner")).token };
    },
    /**
     * Another named token (one per reviewer); the label must not clash with (or look like) a live token's.
     * `granter`: the role of the token asking (the HTTP API); none for the operator at the CLI, who may grant any.
     */
    async createToken(teamId: string, given: string, role: TokenRole, granter?: TokenRole): Promise<{ token: string; row: TeamTokenRow }> {
      const label = checked(TokenLabelSchema, given);
      if (granter && !canGrant(granter, role))
        throw new TeamError(
          `${aRole(granter)} token cannot grant the ${role} role (it would hand out more than it holds)`,
          "FORBIDDEN_ROLE",
        );
      await requireTeam(teamId);
      await requireFreeLabel(teamId, label);
      return issueToken(teamId, label, role);
    },
    /** A new secret under the same label and role; the old one stops working at once. */
    async rotateToken(teamId: string, tokenId: string): Promise<{ token: string; row: TeamTokenRow }> {
      const old = await requireToken(teamId, tokenId);
      await store.teams.revokeToken(old.id, now());
      return issueToken(teamId, old.label, roleOf(old));
    },
    /**
     * Revoke; the last live owner token is kept so a team cannot lock itself out of managing tokens (the CLI may
     * `force`). Other owners may be revoked by an owner: a departed owner's token must be stoppable.
     */
    async revokeToken(teamId: string, tokenId: string, options: { force?: boolean } = {}): Promise<TeamTokenRow> {
      const row = await requireToken(teamId, tokenId);
      const at = now();
      if (options.force) await store.teams.revokeToken(row.id, at);
      else if ((await store.teams.revokeKeepingAnOwner(teamId, row.id, at)) === "last-owner")
        throw new TeamError(
          `"${row.label}" is the team's last live owner token; issue another owner token before revoking it`,
          "LAST_TOKEN",
        );
      return { ...row, revoked_at: at };
    },
    tokens: async (teamId: string) => (await requireTeam(teamId), store.teams.tokens(teamId)),
    /** The team and named token behind a bearer token, or undefined for an unknown or revoked one. Records the use. */
    async identify(token: string): Promise<TeamIdentity | undefined> {
      const row = await store.teams.liveToken(hash(token));
      if (!row) return undefined;
      const at = now();
      if (row.last_used_at === null || at - row.last_used_at >= TOUCH_EVERY_MS) await store.teams.touchToken(row.id, at);
      return { teamId: row.team_id, tokenId: row.id, label: row.label, role: roleOf(row) };
    },
    /** The team a bearer token belongs to, or undefined for an unknown or revoked token. */
    authenticate: async (token: string) => (await teams.identify(token))?.teamId,
    list: () => store.teams.list(),
    get: (teamId: string) => store.teams.get(teamId),
  };
  return teams;
}
export type Teams = ReturnType<typeof createTeams>;
