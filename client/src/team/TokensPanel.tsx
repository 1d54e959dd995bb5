import { useEffect, useState } from "react";
import { TOKEN_ROLES, type IssuedToken, type TeamToken, type TokenRole } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { dateTime, message } from "./format.js";
import type { ReviewApi } from "./review-api.js";

const byWhom = (by: TeamToken["audit"][number]["by"]) => (by ? `${by.label} (${by.role})` : "the CLI");
/** The token's last audit entry in words: who issued, rotated or revoked it. */
function lastChange(t: TeamToken): string | null {
  const last = t.audit.at(-1);
  if (!last) return null;
  if (last.action === "issued") return `${last.replaces ? "issued by rotation" : "issued"} by ${byWhom(last.by)}`;
  return `${last.action} by ${byWhom(last.by)}`;
}

/** Named tokens, one per reviewer: the label is who an override is recorded as. */
export function TokensPanel({ api }: { api: ReviewApi }) {
  const [tokens, setTokens] = useState<TeamToken[] | null>(null);
  const [label, setLabel] = useState("");
  // Least privilege by default: the owner picks more on purpose.
  const [role, setRole] = useState<TokenRole>("viewer");
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => api.tokens().then(setTokens, (err: unknown) => setError(message(err)));
  useEffect(() => void refresh(), [api]); // eslint-disable-line react-hooks/exhaustive-deps
  const run = async (work: () => Promise<IssuedToken | TeamToken>) => {
    setError(null);
    try {
      const result = await work();
      if ("token" in result) setIssued(result);
      await refresh();
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <section className="panel" data-testid="tokens-panel">
      <h1>API tokens</h1>
      <p className="muted small">
        One token per person: overrides are recorded under the token&apos;s label and role. Owners manage tokens; editors write and publish
        packs and invite candidates; reviewers override scores and export CSV; viewers read.
      </p>
      <form
        className="button-row"
        onSubmit={(e) => (e.preventDefault(), void run(() => api.createToken(label, role)).then(() => setLabel("")))}
      >
        <input
          className="text-input"
          data-testid="token-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder="Reviewer's name"
          maxLength={60}
        />
        <select
          className="text-input"
          data-testid="token-role"
          aria-label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as TokenRole)}
        >
          {TOKEN_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" data-testid="token-create" disabled={!label.trim()}>
          New token
        </button>
      </form>
      {issued && (
        <p className="notice" data-testid="token-issued">
          Token for <strong>{issued.info.label}</strong> ({issued.info.role}, shown once): <code>{issued.token}</code>
        </p>
      )}
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {tokens && (
        <table className="pack-table" data-testid="token-list">
          <thead>
            <tr>
              <th>Label</th>
              <th>Role</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token-row">
                <td>
                  {t.label} {t.current && <span className="badge">this browser</span>}
                  <div className="muted small">
                    <code>{t.id}</code>
                  </div>
                </td>
                <td>
                  <span className="badge" data-testid="token-role-cell">
                    {t.role}
                  </span>
                </td>
                <td className="small">{dateTime(t.createdAt)}</td>
                <td className="small">{t.lastUsedAt ? dateTime(t.lastUsedAt) : "never"}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="badge">revoked {dateTime(t.revokedAt)}</span>
                  ) : (
                    <span className="badge visibility-public">live</span>
                  )}
                  {lastChange(t) && (
                    <div className="muted small" data-testid="token-audit">
                      {lastChange(t)}
                    </div>
                  )}
                </td>
                <td className="actions">
                  {!t.revokedAt && !t.current && (
                    <div className="button-row">
                      <button type="button" onClick={() => void run(() => api.rotateToken(t.id))}>
                        Rotate
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          window.confirm(`Revoke "${t.label}"? Requests with it stop working at once.`) &&
                          void run(() => api.revokeToken(t.id))
                        }
                      >
                        Revoke
                      </button>
                    </div>
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
