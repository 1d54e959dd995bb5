import { createHash, randomBytes } from "node:crypto";
import {
  SIGNALS_DISCLOSURE,
  type Invite,
  type InviteCreateBody,
  type InviteCreated,
  type InviteStartResult,
  type InviteStatus,
  type PublicInvite,
} from "../contracts/index.js";
import { confusable, InviteCreateBodySchema } from "../contracts/index.js";
import { teamAuthor } from "./author.js";
import { ServiceError } from "../contracts/index.js";
import { buildPlan, PlanError, requireNoFixNeeded, type InterviewService } from "../interview/index.js";
import type { PackLibrary } from "../packs/index.js";
import { inviteRoundsOf, type InviteRow, type Store } from "../store/index.js";
import type { TeamIdentity } from "./teams.js";

const DAY_MS = 86_400_000;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export function inviteStatus(row: InviteRow, now: number): InviteStatus {
  if (row.session_id !== null) return "started";
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at <= now) return "expired";
  return "open";
}

export const inviteView = (row: InviteRow, now: number): Invite => ({
  id: row.id,
  packKey: row.pack_key,
  candidateLabel: row.candidate_label,
  candidateEmail: row.candidate_email,
  mode: row.mode as Invite["mode"],
  level: row.level as Invite["level"],
  rounds: inviteRoundsOf(row),
  expiresAt: row.expires_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
  status: inviteStatus(row, now),
  sessionId: row.session_id,
});

/**
 * Invites: a team asks one candidate to sit one of its packs. The link's secret
 * is shown once; the session it starts belongs to the team.
 */
export function createInvites(deps: { store: Store; packs: PackLibrary; service: InterviewService; now: () => number }) {
  const { store, packs, service, now } = deps;

  const byToken = async (token: string): Promise<InviteRow> => {
    const row = token.length >= 16 && token.length <= 200 ? await store.invites.byTokenHash(hash(token)) : undefined;
    if (!row) throw new ServiceError("NOT_FOUND", "this invite link is not valid; ask the team for a new one");
    return row;
  };

  return {
    async create(who: TeamIdentity, body: InviteCreateBody): Promise<InviteCreated> {
      const input = InviteCreateBodySchema.parse(body);
      const packKey = `${who.teamId}/${input.packId}`;
      const record = await packs.latest(packKey);
      if (!record || record.teamId !== who.teamId) throw new ServiceError("NOT_FOUND", `no pack "${input.packId}" in team "${who.teamId}"`);
      // An invite to a pack no interview may start on would only fail in the candidate's hands.
      requireNoFixNeeded(record);
      try {
        // The same plan check a session start makes, now, so a bad invite is refused before it is sent.
        buildPlan(record.pack, { level: input.level, rounds: input.rounds });
      } catch (err) {
        if (err instanceof PlanError) throw new ServiceError("BAD_PAYLOAD", err.message);
        throw err;
      }
      // The same candidate may be invited again under the same label; a label that only looks like an earlier
      // one ("Pope" and a whole-Cyrillic "Роре", "Ivan" and "lvan") would be two people the dashboard shows alike.
      const alike = (await store.invites.list(who.teamId)).find((i) => confusable(i.candidate_label, input.candidateLabel));
      if (alike)
        throw new ServiceError(
          "LABEL_CONFUSABLE",
          `candidate label "${input.candidateLabel}" reads the same as "${alike.candidate_label}" (invite ${alike.id}); use the same label for the same person, or one that looks different`,
        );
      const token = `inv_${randomBytes(24).toString("base64url")}`;
      const row: Omit<InviteRow, "revoked_at" | "session_id"> = {
        id: `inv_${randomBytes(8).toString("hex")}`,
        team_id: who.teamId,
        token_hash: hash(token),
        pack_key: packKey,
        candidate_label: input.candidateLabel,
        candidate_email: input.candidateEmail ?? null,
        mode: input.mode,
        level: input.level ?? null,
        rounds_json: input.rounds ? JSON.stringify(input.rounds) : null,
        expires_at: now() + input.expiresInDays * DAY_MS,
        created_at: now(),
        created_by: who.label,
      };
      await store.invites.insert(row);
      return { ...inviteView({ ...row, revoked_at: null, session_id: null }, now()), token, path: `/invite/${token}` };
    },

    list: async (teamId: string) => (await store.invites.list(teamId)).map((r) => inviteView(r, now())),

    async revoke(teamId: string, inviteId: string): Promise<Invite> {
      const row = await store.invites.get(teamId, inviteId);
      if (!row) throw new ServiceError("NOT_FOUND", `no invite "${inviteId}"`);
      if (row.session_id !== null)
        throw new ServiceError("INVITE_USED", "this invite was already used; its session stays on the dashboard");
      await store.invites.revoke(row.id, now());
      return inviteView({ ...row, revoked_at: row.revoked_at ?? now() }, now());
    },

    /** The candidate's view: what they will sit and what the team will see. Never the email. */
    async describe(token: string): Promise<PublicInvite> {
      const row = await byToken(token);
      const record = await packs.latest(row.pack_key);
      const author = teamAuthor(row.team_id, (await store.teams.get(row.team_id))?.name, "invite");
      if (!record) throw new ServiceError("NOT_FOUND", "the pack of this invite no longer exists");
      const roundIds = inviteRoundsOf(row) ?? record.pack.rounds.map((r) => r.id);
      return {
        teamName: author.teamName,
        packTitle: record.pack.title,
        candidateLabel: row.candidate_label,
        mode: row.mode as PublicInvite["mode"],
        level: row.level as PublicInvite["level"],
        rounds: roundIds
          .map((id) => record.pack.rounds.find((r) => r.id === id))
          .filter((r) => r !== undefined)
          .map((r) => ({ id: r.id, kind: r.kind, title: r.title, minutes: r.minutes })),
        expiresAt: row.expires_at,
        status: inviteStatus(row, now()),
        teamSees: author.teamSees,
        recorded: [...SIGNALS_DISCLOSURE],
      };
    },

    /**
     * Start the invited session (once): the session is created on the team's pack
     * (private packs included) and linked to the team and the invite. `begin`
     * runs the graph; the caller calls it after answering. `admit` is asked once the
     * invite is known to be usable, before any session exists (the rate limits: it throws to refuse).
     */
    async start(token: string, admit: (teamId: string) => Promise<void> = async () => undefined): Promise<InviteStartResult> {
      const row = await byToken(token);
      const status = inviteStatus(row, now());
      if (status === "started")
        throw new ServiceError(
          "INVITE_USED",
          "this invite was already used; continue in the browser where you started, or ask the team for a new invite",
        );
      if (status === "revoked") throw new ServiceError("INVITE_REVOKED", "the team withdrew this invite");
      if (status === "expired") throw new ServiceError("INVITE_EXPIRED", "this invite has expired; ask the team for a new one");
      await admit(row.team_id);
      const started = await service.start({
        packId: row.pack_key,
        mode: row.mode as "timed" | "practice",
        level: (row.level as "junior" | "mid" | "senior" | null) ?? undefined,
        rounds: inviteRoundsOf(row) ?? undefined,
        viewerTeamId: row.team_id,
      });
      if (!(await store.invites.claim(row.id, started.sessionId))) {
        throw new ServiceError("INVITE_USED", "this invite was already used; continue in the browser where you started");
      }
      await store.teamSessions.link(started.sessionId, row.team_id, row.id);
      return started;
    },
  };
}
