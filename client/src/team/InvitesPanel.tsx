import { useEffect, useState } from "react";
import type { Invite, InviteCreated, Level, Mode } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { ModeSelect } from "../components/ModeSelect.js";
import { dateTime, message } from "./format.js";
import { needs, useCan } from "./role.js";
import { routes } from "../../../server/contracts/index.js";
import type { ReviewApi } from "./review-api.js";
import type { PackSummary } from "./types.js";

export const inviteUrl = (path: string) => `${window.location.origin}${path}`;

/** Invite one candidate to one of the team's packs; the link is shown once, right after creating it. */
export function InvitesPanel({ api, packs, initialPackId }: { api: ReviewApi; packs: PackSummary[]; initialPackId?: string | null }) {
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<InviteCreated[]>([]);
  const firstInvitable = packs.find((p) => !p.needsFix?.length)?.id;
  const [packId, setPackId] = useState(initialPackId ?? firstInvitable ?? "");
  const [label, setLabel] = useState("");
  const [email, setEmail] = useState("");
  const [mode, setMode] = useState<Mode>("timed");
  const [level, setLevel] = useState<"" | Level>("");
  const [days, setDays] = useState(14);
  const refresh = () => api.invites().then(setInvites, (err: unknown) => setError(message(err)));
  useEffect(() => void refresh(), [api]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!packId && firstInvitable) setPackId(firstInvitable);
  }, [firstInvitable, packId]);

  const create = async () => {
    setError(null);
    try {
      const invite = await api.createInvite({
        packId,
        candidateLabel: label,
        ...(email.trim() ? { candidateEmail: email.trim() } : {}),
        mode,
        ...(level ? { level } : {}),
        expiresInDays: days,
      });
      setCreated((c) => [invite, ...c]);
      setLabel("");
      setEmail("");
      void refresh();
    } catch (err) {
      setError(message(err));
    }
  };

  const invites_ = useCan()(routes.createInvite);
  return (
    <section className="panel" data-testid="invites-panel">
      <h1>Invites</h1>
      {!invites_ ? (
        <p className="muted small" data-testid="invite-role-note">
          Inviting candidates {needs(routes.createInvite)}.
        </p>
      ) : packs.length === 0 ? (
        <p className="muted">Publish a pack first; invites are for one of your packs.</p>
      ) : (
        <form className="invite-form" onSubmit={(e) => (e.preventDefault(), void create())}>
          <label className="field">
            <span>Pack</span>
            <select data-testid="invite-pack" value={packId} onChange={(e) => setPackId(e.target.value)}>
              {packs.map((p) => (
                // A pack that needs a fix is refused for invites (PACK_NEEDS_FIX): listed, but not choosable.
                <option key={p.id} value={p.id} disabled={Boolean(p.needsFix?.length)}>
                  {p.title} ({p.key}){p.needsFix?.length ? " (needs a fix)" : ""}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Candidate label</span>
            <input
              className="text-input"
              data-testid="invite-label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="Name or reference"
              required
              maxLength={100}
            />
          </label>
          <label className="field">
            <span>Email (only your team sees it)</span>
            <input
              className="text-input"
              type="email"
              data-testid="invite-email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <ModeSelect testId="invite-mode" value={mode} onChange={setMode} />
          <label className="field">
            <span>Level</span>
            <select data-testid="invite-level" value={level} onChange={(e) => setLevel(e.target.value as "" | Level)}>
              <option value="">any</option>
              <option value="junior">junior</option>
              <option value="mid">mid</option>
              <option value="senior">senior</option>
            </select>
          </label>
          <label className="field">
            <span>Expires after (days)</span>
            <input
              className="text-input"
              type="number"
              min={1}
              max={90}
              data-testid="invite-days"
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          </label>
          <button type="submit" className="primary" data-testid="invite-create" disabled={!label.trim() || !packId}>
            Create invite
          </button>
        </form>
      )}
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {created.map((c) => (
        <p key={c.id} className="notice" data-testid="invite-created">
          Invite for <strong>{c.candidateLabel}</strong>: <code data-testid="invite-link">{inviteUrl(c.path)}</code>{" "}
          <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(inviteUrl(c.path))}>
            Copy
          </button>
          <span className="muted small"> Shown once: send it to the candidate now.</span>
        </p>
      ))}
      {invites && invites.length > 0 && (
        <table className="pack-table" data-testid="invite-list">
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Pack</th>
              <th>Status</th>
              <th>Expires</th>
              <th>Created by</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invites.map((i) => (
              <tr key={i.id} data-testid="invite-row">
                <td>
                  {i.candidateLabel}
                  <div className="muted small">{i.candidateEmail}</div>
                </td>
                <td>
                  <code>{i.packKey}</code>{" "}
                  <span className="muted small">
                    {i.mode}
                    {i.level ? `, ${i.level}` : ""}
                  </span>
                </td>
                <td>
                  <span className="badge" data-testid="invite-status">
                    {i.status}
                  </span>
                </td>
                <td className="small">{dateTime(i.expiresAt)}</td>
                <td className="small">{i.createdBy}</td>
                <td className="actions">
                  {i.status === "open" && invites_ && (
                    <button type="button" onClick={() => api.revokeInvite(i.id).then(refresh, (err: unknown) => setError(message(err)))}>
                      Withdraw
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
