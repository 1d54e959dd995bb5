import { useState } from "react";
import { createShareLink, revokeShareLinks } from "../api.js";
import { errorMessage } from "../socket.js";

/**
 * A read-only link to this report with a token of its own (never the resume
 * token), and a way to switch every such link off again.
 */
export function ShareControls({ sessionId, resumeToken }: { sessionId: string; resumeToken: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    try {
      const created = await createShareLink(sessionId, resumeToken);
      setLink(new URL(created.path, window.location.origin).toString());
      setStatus("Anyone with this link can read the report (not change it, nor continue the interview).");
    } catch (err) {
      setStatus(`Could not create a share link: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    try {
      const { revoked } = await revokeShareLinks(sessionId, resumeToken);
      setLink(null);
      setStatus(
        revoked === 0
          ? "There were no live share links."
          : `Revoked ${revoked} share link${revoked === 1 ? "" : "s"}; they no longer open.`,
      );
    } catch (err) {
      setStatus(`Could not revoke: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="share-controls">
      <button type="button" data-testid="create-share" onClick={() => void create()} disabled={busy}>
        Create share link
      </button>
      <button type="button" data-testid="revoke-share" onClick={() => void revoke()} disabled={busy}>
        Revoke share links
      </button>
      {link && (
        <label className="share-link">
          <span className="visually-hidden">Share link</span>
          <input data-testid="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      {status && (
        <p className="muted small share-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
