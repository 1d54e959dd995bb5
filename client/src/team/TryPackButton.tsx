import { useState } from "react";
import { useLocation } from "wouter";
import { saveSession } from "../session-store.js";
import { errorMessage, request } from "../socket.js";
import { loadTeamToken } from "./api.js";
import { confirmLeavingEditor } from "./unpublished.js";

/**
 * Sit the team's own pack as a candidate would (practice mode, untimed, with
 * feedback after each question). The team token lets the server start even a
 * private pack for its own team.
 */
export function TryPackButton({ packKey }: { packKey: string }) {
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const start = async () => {
    // It starts the published version; what is in the editor and unpublished would be left behind.
    if (!confirmLeavingEditor()) return;
    const teamToken = loadTeamToken();
    if (!teamToken) return setError("Sign in with the team token first.");
    setStarting(true);
    try {
      const { sessionId, resumeToken } = await request("session:start", { packId: packKey, mode: "practice", teamToken });
      saveSession(sessionId, resumeToken);
      navigate(`/interview/${sessionId}`);
    } catch (err) {
      setError(errorMessage(err));
      setStarting(false);
    }
  };
  return (
    <div className="try-pack">
      <button type="button" data-testid="try-pack" disabled={starting} onClick={() => void start()}>
        {starting ? "Starting…" : "Try it as a candidate"}
      </button>
      {error && <p className="error small">{error}</p>}
    </div>
  );
}
