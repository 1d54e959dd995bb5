import { useState } from "react";
import { useLocation } from "wouter";
import { fetchPractice } from "../api.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { saveSession } from "../session-store.js";
import { errorMessage, request } from "../socket.js";
import type { WeakCriterion } from "./progress-data.js";

/** How many weak criteria "practise next" aims at. */
const TARGETS = 3;

/** One click: a practice session of public questions whose rubrics score the weakest criteria. */
export function PractiseNext({ weakest }: { weakest: WeakCriterion[] }) {
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const targets = weakest.slice(0, TARGETS);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const suggestion = await fetchPractice({
        criteria: targets.map((c) => ({ kind: c.kind, criterionId: c.criterionId, title: c.title })),
      });
      if (!suggestion.packId || suggestion.questions.length === 0) {
        setError("No public question practises these criteria yet.");
        setBusy(false);
        return;
      }
      const result = await request("session:start", {
        packId: suggestion.packId,
        mode: "practice",
        questionIds: suggestion.questions.map((q) => q.id),
      });
      saveSession(result.sessionId, result.resumeToken);
      navigate(`/interview/${result.sessionId}`);
    } catch (err) {
      setError(`Could not start the practice session: ${errorMessage(err)}`);
      setBusy(false);
    }
  };
  if (targets.length === 0) return null;
  return (
    <section className="panel practise-next" aria-labelledby="practise-next-heading">
      <h2 id="practise-next-heading">Practise next</h2>
      <p>A practice session (untimed, feedback after every answer) of questions that score {targets.map((t) => t.title).join(", ")}.</p>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      <button type="button" className="primary" data-testid="practise-next" onClick={() => void start()} disabled={busy}>
        {busy ? "Starting…" : "Start practising these"}
      </button>
    </section>
  );
}
