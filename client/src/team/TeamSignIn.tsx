import { useState } from "react";
import { ErrorBanner } from "../components/ErrorBanner.js";

/** The sign-in form: a team's API token (kept in this browser until sign-out). */
export function TeamSignIn({ error, onSubmit }: { error: string | null; onSubmit: (token: string) => void }) {
  const [token, setToken] = useState("");
  const trimmed = token.trim();
  return (
    <section className="panel team-sign-in">
      <h1>Team pack editor</h1>
      <p className="muted">
        Write, check and publish your own interview packs. Sign in with your team's API token; an administrator creates one with{" "}
        <code>npm run -s cli -- team create &lt;name&gt;</code>.
      </p>
      {error && <ErrorBanner message={error} />}
      <form
        className="lobby-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onSubmit(trimmed);
        }}
      >
        <label className="field">
          <span>Team API token</span>
          <input
            type="password"
            className="text-input"
            data-testid="team-token-input"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="mit_…"
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        </label>
        <p className="muted small">The token is kept in this browser until you sign out.</p>
        <button type="submit" className="primary" data-testid="team-token-submit" disabled={!trimmed}>
          Sign in
        </button>
      </form>
    </section>
  );
}
