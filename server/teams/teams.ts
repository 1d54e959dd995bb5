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
  type TokenEvent,
  type TokenRole,
} from "../contracts/index.js";
import { StoredDataError, type Store, type TeamRow, type TeamTokenEventRow, type TeamTokenRow } from "../store/index.js";
import { roleWordIn } from "./role-words.js";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
/** Writes of "last used" are coalesced: one per token per minute is plenty to read. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The label of the owner token a team is created with (`team create`): it names the use, as a label should, not the
 * role, which the token's role says (a label holding a role word is refused, LABEL_ROLE_WORD).
 */
const FIRST_TOKEN_LABEL = "first token";

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
      | "NOT_FOUND"
      | "BAD_PAYLOAD"
      | "TOKEN_REVOKED"
      | "LABEL_TAKEN"
      | "LABEL_CONFUSABLE"
      | "LABEL_ROLE_WORD"
      | "TEAM_EXISTS"
      | "LAST_TOKEN"
      | "FORBIDDEN_ROLE"
    >,
  ) {
    super(message);
  }
}

/** Who made a request: the team, the named token (one per reviewer) and what it may do. */
export type TeamIdentity = { teamId: string; tokenId: string; label: string; role: TokenRole };

/** Who acts on a token over the API: a token of the team. The operator at the CLI acts as no token (undefined). */
export type TokenActor = Pick<TeamIdentity, "tokenId" | "label" | "role">;

/** A stored token's role; a row without a valid one (never written by this server) is an error, not a default. */
export function roleOf(row: Pick<TeamTokenRow, "id" | "role">): TokenRole {
  const parsed = TokenRoleSchema.safeParse(row.role);
  if (!parsed.success) throw new StoredDataError(`team_tokens.role of ${row.id} is not a role: ${JSON.stringify(row.role)}`);
  return parsed.data;
}

/** One audit entry as stored: what was done to `subject`, by whom (none: the CLI), linked to the other token of a rotation. */
function tokenEvent(
  subject: Pick<TeamTokenRow, "id" | "label" | "team_id">,
  action: TokenEvent["action"],
  at: number,
  by: TokenActor | undefined,
  other: string | null = null,
): TeamTokenEventRow {
  return {
    id: `tev_${randomBytes(8).toString("hex")}`,
    team_id: subject.team_id,
    token_id: subject.id,
    token_label: subject.label,
    action,
    other_token_id: other,
    actor_token_id: by?.tokenId ?? null,
    actor_label: by?.label ?? null,
    actor_role: by?.role ?? null,
    created_at: at,
  };
}

function eventView(row: TeamTokenEventRow): TokenEvent {
  const action = row.action as TokenEvent["action"];
  return {
    action,
    at: row.created_at,
    by:
      row.actor_token_id === null
        ? null
        : { tokenId: row.actor_token_id, label: row.actor_label ?? "", role: roleOf({ id: row.actor_token_id, role: row.actor_role }) },
    replacedBy: action === "rotated" ? row.other_token_id : null,
    replaces: action === "issued" ? row.other_token_id : null,
  };
}

/** A token as the API shows it, with its own entries of the team's audit trail (`events`: any of the team's). */
export const tokenView = (row: TeamTokenRow, currentId: string | null, events: readonly TeamTokenEventRow[]): TeamToken => ({
  id: row.id,
  label: row.label,
  role: roleOf(row),
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  current: row.id === currentId,
  audit: events.filter((e) => e.token_id === row.id).map(eventView),
});

/** Teams and their named API tokens. A token is shown once; only its hash is stored. */
export function createTeams(store: Store, now: () => number) {
  const newToken = (teamId: string, label: string, role: TokenRole, at: number) => {
    const token = `mit_${randomBytes(24).toString("base64url")}`;
    const row = { id: `tok_${randomBytes(8).toString("hex")}`, token_hash: hash(token), team_id: teamId, label, role, created_at: at };
    return { token, row };
  };
  const issueToken = async (
    teamId: string,
    label: string,
    role: TokenRole,
    by: TokenActor | undefined,
  ): Promise<{ token: string; row: TeamTokenRow }> => {
    const { token, row } = newToken(teamId, label, role, now());
    await store.teams.addToken(row, tokenEvent(row, "issued", row.created_at, by));
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

  /** A label as the API takes it: within the contract's limits, and naming no role (only the role says that). */
  const labelled = (given: string): string => {
    const label = checked(TokenLabelSchema, given);
    // Only the role says what a token may do; a label saying it too ("Dana (owner)") would be believed instead.
    const roleWord = roleWordIn(label);
    if (roleWord)
      throw new TeamError(
        `a label may not hold the word "${roleWord.word}"${roleWord.word.toLowerCase() === roleWord.role ? "" : ` (it reads as "${roleWord.role}")`}: it names a role, and only the token's role says what it may do; label the person or the use ("Dana", "CI export")`,
        "LABEL_ROLE_WORD",
      );
    return label;
  };
  /** The contract's limits hold for every caller (the CLI as well as the API). */
  const checked = (schema: typeof TeamNameSchema, value: string): string => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new TeamError(parsed.error.issues[0]!.message, "BAD_PAYLOAD");
    return parsed.data;
  };

  const teams = {
    /** `givenId`: the id to use instead of one made from the name (a name in another script has no ASCII to make it). */
    async create(given: string, givenId?: string): Promise<{ team: TeamRow; token: string; row: TeamTokenRow }> {
      const name = checked(TeamNameSchema, given);
      const id = givenId === undefined ? teamIdFrom(name) : checkedTeamId(givenId);
      if (!id) throw new TeamError(noIdFrom(name), "BAD_PAYLOAD");
      if (await store.teams.get(id)) throw new TeamError(`a team with id "${id}" already exists`, "TEAM_EXISTS");
      const team = { id, name: name.trim(), created_at: now() };
      await store.teams.insert(team);
      // The bootstrap token: someone has to be able to mint the others. Its label passes the checks any label does
      // (it used to be "owner", a role word the API refuses as a label).
      const issued = await issueToken(id, labelled(FIRST_TOKEN_LABEL), "owner", undefined);
      return { team, ...issued };
    },
    /**
     * Another named token (one per reviewer); the label must not clash with (or look like) a live token's.
     * `by`: the token asking (the HTTP API), which may grant only what it holds; none for the operator at the CLI,
     * who may grant any. The audit trail records who issued it.
     */
    async createToken(teamId: string, given: string, role: TokenRole, by?: TokenActor): Promise<{ token: string; row: TeamTokenRow }> {
      const label = checked(TokenLabelSchema, given);
      if (by && !canGrant(by.role, role))
        throw new TeamError(
          `${aRole(by.role)} token cannot grant the ${role} role (it would hand out more than it holds)`,
          "FORBIDDEN_ROLE",
        );
      labelled(label);
      await requireTeam(teamId);
      await requireFreeLabel(teamId, label);
      return issueToken(teamId, label, role, by);
    },
    /**
     * A new secret under the same label and role; the old one stops working at once. Any token may rotate its
     * own (a holder who leaked it should not have to find an owner first); only an owner (or the CLI) rotates
     * another's. The audit trail records who rotated whose token, and links the old token to its successor.
     */
    async rotateToken(teamId: string, tokenId: string, by?: TokenActor): Promise<{ token: string; row: TeamTokenRow }> {
      const old = await requireToken(teamId, tokenId);
      if (by && by.tokenId !== old.id && by.role !== "owner")
        throw new TeamError(
          `rotating another token ("${old.label}") needs the owner role; this token ("${by.label}") is ${aRole(by.role)} and may rotate only itself`,
          "FORBIDDEN_ROLE",
        );
      const at = now();
      const { token, row } = newToken(teamId, old.label, roleOf(old), at);
      const events = [tokenEvent(old, "rotated", at, by, row.id), tokenEvent(row, "issued", at, by, old.id)];
      if ((await store.teams.rotateToken(old.id, at, row, events)) === "revoked")
        throw new TeamError(`token "${old.label}" (${old.id}) is already revoked`, "TOKEN_REVOKED");
      return { token, row: { ...row, revoked_at: null, last_used_at: null } };
    },
    /**
     * Revoke; the last live owner token is kept so a team cannot lock itself out of managing tokens (the CLI may
     * `force`). Other owners may be revoked by an owner: a departed owner's token must be stoppable.
     */
    async revokeToken(teamId: string, tokenId: string, options: { force?: boolean; by?: TokenActor } = {}): Promise<TeamTokenRow> {
      // A rotated id stands for its successor: revoking the id an owner knows stops the secret its holder has now.
      const row = await store.teams.token(teamId, tokenId);
      if (!row) throw new TeamError(`no token "${tokenId}" in team "${teamId}"`, "NOT_FOUND");
      const at = now();
      const event = tokenEvent(row, "revoked", at, options.by);
      const done = options.force
        ? await store.teams.revokeToken(row.id, at, event)
        : await store.teams.revokeKeepingAnOwner(teamId, row.id, at, event);
      if (done.outcome === "last-owner")
        throw new TeamError(
          `"${row.label}" is the team's last live owner token; issue another owner token before revoking it`,
          "LAST_TOKEN",
        );
      if (done.outcome === "not-live")
        throw new TeamError(`token "${row.label}" (${tokenId}) is already revoked, and no rotation of it is live`, "TOKEN_REVOKED");
      const revoked = done.tokenId === row.id ? row : ((await store.teams.token(teamId, done.tokenId)) ?? row);
      return { ...revoked, revoked_at: at };
    },
    tokens: async (teamId: string) => (await requireTeam(teamId), store.teams.tokens(teamId)),
    /** The team's token audit trail (issued, rotated, revoked: by whom), oldest first. */
    tokenEvents: (teamId: string) => store.teams.tokenEvents(teamId),
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
