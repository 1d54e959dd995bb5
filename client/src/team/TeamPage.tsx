import { useCallback, useEffect, useState } from "react";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { fetchTeam, loadTeamToken, saveTeamToken, TeamApiError } from "./api.js";
import { TeamSignIn } from "./TeamSignIn.js";
import { TeamWorkspace } from "./TeamWorkspace.js";
import type { TeamInfo } from "./types.js";
import "./team.css";

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

type Auth =
  | { state: "signed-out"; error: string | null }
  | { state: "checking"; token: string }
  | { state: "failed"; token: string; error: string }
  | { state: "signed-in"; token: string; team: TeamInfo; rotated?: boolean };

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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the token found on mount; later checks come from the form
  }, []);

  const signOut = () => {
    saveTeamToken(null);
    setAuth({ state: "signed-out", error: null });
  };

  switch (auth.state) {
    case "signed-out":
      return <TeamSignIn error={auth.error} onSubmit={(token) => void checkToken(token)} />;
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
      return (
        <>
          {auth.rotated && (
            <p className="notice" data-testid="own-token-rotated">
              Your token has a new secret (shown once; the old one no longer works): <code>{auth.token}</code>
            </p>
          )}
          <TeamWorkspace
            key={auth.token}
            token={auth.token}
            team={auth.team}
            onSignOut={signOut}
            onTokenRotated={(token) => {
              saveTeamToken(token);
              setAuth({ state: "signed-in", token, team: auth.team, rotated: true });
            }}
          />
        </>
      );
  }
}
