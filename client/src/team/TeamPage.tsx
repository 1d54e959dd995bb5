import { confirmLeavingEditor } from "./unpublished.js";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { fetchTeam, loadTeamToken, saveTeamToken, teamApi, TeamApiError } from "./api.js";
import { CompareView } from "./CompareView.js";
import { InvitesPanel } from "./InvitesPanel.js";
import { PackEditor } from "./PackEditor.js";
import { reviewApi } from "./review-api.js";
import { SessionsPanel } from "./SessionsPanel.js";
import { SessionView } from "./SessionView.js";
import { TokensPanel } from "./TokensPanel.js";
import type { PackSummary, TeamInfo } from "./types.js";
import "./team.css";

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

type Auth =
  | { state: "signed-out"; error: string | null }
  | { state: "checking"; token: string }
  | { state: "failed"; token: string; error: string }
  | { state: "signed-in"; token: string; team: TeamInfo };

/** /team: a hiring team signs in with its API token, then writes, checks and publishes its packs. */
export function TeamPage() {
  const [auth, setAuth] = useState<Auth>(() => {
    const token = loadTeamToken();
    return token ? { state: "checking", token } : { state: "signed-out", error: null };
  });

  const checkToken = useCallback(async (token: string) => {
    setAuth({ state: "checking", token });
    try {
      const team = await fetchTeam(token);
      saveTeamToken(token);
      setAuth({ state: "signed-in", token, team });
    } catch (err) {
      if (err instanceof TeamApiError && err.code === "UNAUTHORIZED") {
        saveTeamToken(null);
        setAuth({ state: "signed-out", error: `That token was not accepted: ${err.message}` });
      } else {
        setAuth({ state: "failed", token, error: `Could not check the token: ${message(err)}` });
      }
    }
  }, []);

  // A token saved by an earlier visit is checked once on arrival.
  const initialToken = auth.state === "checking" ? auth.token : null;
  useEffect(() => {
    if (initialToken) void checkToken(initialToken);
  }, []); // only the token found on mount; later checks come from the form

  const signOut = () => {
    saveTeamToken(null);
    setAuth({ state: "signed-out", error: null });
  };

  switch (auth.state) {
    case "signed-out":
      return <SignIn error={auth.error} onSubmit={(token) => void checkToken(token)} />;
    case "checking":
      return (
        <section className="panel">
          <p className="muted">Checking your team token…</p>
        </section>
      );
    case "failed":
      return (
        <section className="panel">
          <ErrorBanner message={auth.error} />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void checkToken(auth.token)}>
              Try again
            </button>
            <button type="button" onClick={signOut} data-testid="sign-out">
              Sign out
            </button>
          </div>
        </section>
      );
    case "signed-in":
      return <TeamWorkspace key={auth.token} token={auth.token} team={auth.team} onSignOut={signOut} />;
  }
}

function SignIn({ error, onSubmit }: { error: string | null; onSubmit: (token: string) => void }) {
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

type View =
  | { kind: "list" }
  | { kind: "editor"; packId: string | null; seq: number }
  | { kind: "sessions" }
  | { kind: "session"; sessionId: string }
  | { kind: "compare"; sessionIds: string[] }
  | { kind: "invites"; packId: string | null }
  | { kind: "tokens" };

const TABS = [
  ["list", "Packs"],
  ["sessions", "Sessions"],
  ["invites", "Invites"],
  ["tokens", "Tokens"],
] as const;

function TeamWorkspace({ token, team, onSignOut }: { token: string; team: TeamInfo; onSignOut: () => void }) {
  const api = useMemo(() => teamApi(token, team.id), [token, team.id]);
  const review = useMemo(() => reviewApi(token, team.id), [token, team.id]);
  const [view, setView] = useState<View>({ kind: "list" });
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api
      .listPacks()
      .then((list) => {
        setPacks(list);
        setError(null);
      })
      .catch((err: unknown) => setError(`Could not load your packs: ${message(err)}`));
  }, [api]);

  useEffect(() => {
    if (view.kind === "list" || view.kind === "invites") refresh();
  }, [view.kind, refresh]);
  const tab = (kind: (typeof TABS)[number][0]) =>
    confirmLeavingEditor() && setView(kind === "invites" ? { kind, packId: null } : ({ kind } as View));

  const open = (packId: string | null) => setView((prev) => ({ kind: "editor", packId, seq: prev.kind === "editor" ? prev.seq + 1 : 0 }));

  return (
    <div className="team-page">
      <div className="team-bar">
        <span>
          Signed in as <strong data-testid="team-name">{team.name}</strong> <span className="muted">({team.id})</span>
        </span>
        <nav className="team-tabs" aria-label="Team">
          {TABS.map(([kind, label]) => (
            <button
              key={kind}
              type="button"
              className={
                view.kind === kind || (kind === "sessions" && (view.kind === "session" || view.kind === "compare")) ? "active" : ""
              }
              data-testid={`tab-${kind}`}
              onClick={() => tab(kind)}
            >
              {label}
            </button>
          ))}
        </nav>
        <button type="button" onClick={() => confirmLeavingEditor() && onSignOut()} data-testid="sign-out">
          Sign out
        </button>
      </div>

      {view.kind === "sessions" && (
        <SessionsPanel
          api={review}
          teamId={team.id}
          onOpen={(sessionId) => setView({ kind: "session", sessionId })}
          onCompare={(sessionIds) => setView({ kind: "compare", sessionIds })}
        />
      )}
      {view.kind === "session" && (
        <SessionView key={view.sessionId} api={review} sessionId={view.sessionId} onBack={() => setView({ kind: "sessions" })} />
      )}
      {view.kind === "compare" && <CompareView api={review} sessionIds={view.sessionIds} onBack={() => setView({ kind: "sessions" })} />}
      {view.kind === "invites" && <InvitesPanel api={review} packs={packs ?? []} initialPackId={view.packId} />}
      {view.kind === "tokens" && <TokensPanel api={review} />}

      {view.kind === "list" ? (
        <section className="panel">
          <div className="pack-list-head">
            <h1>Your packs</h1>
            <button type="button" className="primary" onClick={() => open(null)} data-testid="new-pack">
              New pack
            </button>
          </div>
          {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
          {packs === null && !error && <p className="muted">Loading your packs…</p>}
          {packs?.length === 0 && (
            <p className="muted" data-testid="no-packs">
              No packs yet. <strong>New pack</strong> starts from a small working example.
            </p>
          )}
          {packs && packs.length > 0 && (
            <div className="table-scroll">
              <table className="pack-table" data-testid="pack-list">
                <thead>
                  <tr>
                    <th>Title</th>
                    <th>Key</th>
                    <th>Latest</th>
                    <th>Visibility</th>
                    <th>
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {packs.map((p) => (
                    <tr key={p.key} data-testid="pack-row">
                      <td>
                        {p.title}
                        <div className="muted small">
                          {p.questions} question{p.questions === 1 ? "" : "s"} · {p.rounds.length} round{p.rounds.length === 1 ? "" : "s"}
                        </div>
                      </td>
                      <td>
                        <code>{p.key}</code>
                      </td>
                      <td className="num">v{p.version}</td>
                      <td>
                        <span className={`badge visibility-${p.visibility}`}>{p.visibility}</span>
                      </td>
                      <td className="actions">
                        <button type="button" onClick={() => open(p.id)} data-testid={`open-pack-${p.id}`}>
                          Open
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : view.kind !== "editor" ? null : (
        // key: every pack opened starts from a fresh editor state
        <PackEditor
          key={`${view.packId ?? "new"}:${view.seq}`}
          api={api}
          packId={view.packId}
          existing={packs ?? []}
          onBack={() => setView({ kind: "list" })}
          onPublished={refresh}
          review={review}
          onInvite={(packId) => setView({ kind: "invites", packId })}
        />
      )}
    </div>
  );
}
