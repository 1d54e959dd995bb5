import { useEffect, useState } from "react";
import { routes, type SessionSignals } from "../../../server/contracts/index.js";
import { callRoute } from "../call-route.js";

/** On the candidate's report: exactly what was recorded about them and shown to the team. */
export function SignalsForCandidate({ sessionId, resumeToken }: { sessionId: string; resumeToken: string | null }) {
  const [signals, setSignals] = useState<SessionSignals | null>(null);
  useEffect(() => {
    if (!resumeToken) return;
    callRoute(routes.sessionSignals, { params: { sessionId }, resumeToken }).then(setSignals, () => undefined);
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
