import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import { routes, type PublicInvite } from "../../../server/contracts/index.js";
import { callRoute } from "../call-route.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { saveSession } from "../session-store.js";

/**
 * /invite/:token: what the candidate will sit and, before they start, what the
 * team will see and what is recorded. Starting uses the invite once.
 */
export function InvitePage({ token }: { token: string }) {
  const [invite, setInvite] = useState<PublicInvite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [, navigate] = useLocation();
  useEffect(() => {
    callRoute(routes.describeInvite, { params: { token } }).then(setInvite, (err: unknown) => setError((err as Error).message));
  }, [token]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const started = await callRoute(routes.startInvite, { params: { token } });
      saveSession(started.sessionId, started.resumeToken);
      navigate(`/interview/${started.sessionId}`);
    } catch (err) {
      setError((err as Error).message);
      setStarting(false);
    }
  };

  if (!invite)
    return <section className="panel">{error ? <ErrorBanner message={error} /> : <p className="muted">Opening your invite…</p>}</section>;
  const minutes = invite.rounds.reduce((n, r) => n + r.minutes, 0);
  return (
    <section className="panel invite-page" data-testid="invite-page">
      <h1>
        {invite.teamName} invites you: {invite.packTitle}
      </h1>
      <p>
        For <strong>{invite.candidateLabel}</strong> ·{" "}
        {invite.mode === "timed" ? `timed, about ${Math.round(minutes)} minutes` : "practice (untimed)"}
        {invite.level && <> · {invite.level} level</>}
      </p>
      <ul>
        {invite.rounds.map((r) => (
          <li key={r.id}>
            {r.title}{" "}
            <span className="muted">
              ({r.kind}, {r.minutes} min)
            </span>
          </li>
        ))}
      </ul>
      <h2>What {invite.teamName} will see</h2>
      <ul data-testid="team-sees">
        {invite.teamSees.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>What is recorded while you answer</h2>
      <ul data-testid="recorded">
        {invite.recorded.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="muted small">
        These are facts for the team to read in context, never a verdict. Nothing else about your device is recorded; no webcam, no screen
        capture.
      </p>
      {error && <ErrorBanner message={error} />}
      {invite.status === "open" ? (
        <>
          <label className="checkbox">
            <input type="checkbox" data-testid="invite-agree" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I have read
            what is recorded and shared
          </label>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              data-testid="invite-start"
              disabled={!agreed || starting}
              onClick={() => void start()}
            >
              {starting ? "Starting…" : "Start the interview"}
            </button>
          </div>
        </>
      ) : (
        <p className="notice warn" data-testid="invite-unavailable">
          {invite.status === "started"
            ? "This invite has been used. Continue in the browser where you started."
            : invite.status === "expired"
              ? "This invite has expired; ask the team for a new one."
              : "The team withdrew this invite."}
        </p>
      )}
    </section>
  );
}
