import { useEffect, useState } from "react";
import type { SessionSignals } from "../../../server/contracts/index.js";

/** On the candidate's report: exactly what was recorded about them and shown to the team. */
export function SignalsForCandidate({ sessionId, resumeToken }: { sessionId: string; resumeToken: string | null }) {
  const [signals, setSignals] = useState<SessionSignals | null>(null);
  useEffect(() => {
    if (!resumeToken) return;
    fetch(`/api/sessions/${encodeURIComponent(sessionId)}/signals`, { headers: { "X-Resume-Token": resumeToken } })
      .then((r) => (r.ok ? (r.json() as Promise<SessionSignals>) : null))
      .then(setSignals, () => undefined);
  }, [sessionId, resumeToken]);
  if (!signals?.recording) return null;
  const s = signals.summary;
  return (
    <section className="panel" data-testid="candidate-signals">
      <h2>Recorded for the hiring team</h2>
      <p className="small">
        {s.pastes} paste{s.pastes === 1 ? "" : "s"} ({s.pastedChars} characters, largest {s.largestPaste}) · away from the tab {s.awayCount}{" "}
        time
        {s.awayCount === 1 ? "" : "s"} ({Math.round(s.awayMs / 1000)} s) · {s.bursts} fast typing burst{s.bursts === 1 ? "" : "s"}
      </p>
      <p className="muted small">The team sees these same facts beside your answers; they are not a score and not a verdict.</p>
    </section>
  );
}
