import { useMemo } from "react";
import { Link } from "wouter";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { useHistory } from "../history/useHistory.js";
import { PractiseNext } from "../progress/PractiseNext.js";
import { scoreSeries, weakestCriteria } from "../progress/progress-data.js";
import { ScoreChart } from "../progress/ScoreChart.js";
import { WeakestChart } from "../progress/WeakestChart.js";

/** Progress across this browser's sessions: scores over time, weakest criteria, and what to practise next. */
export function ProgressPage() {
  const { sessions, error } = useHistory();
  const series = useMemo(() => scoreSeries(sessions ?? []), [sessions]);
  const weakest = useMemo(() => weakestCriteria(sessions ?? []), [sessions]);
  return (
    <div className="progress-page">
      <section className="panel">
        <h1>Your progress</h1>
        {error && <ErrorBanner message={error} />}
        {sessions === null && !error && <p className="muted">Loading your sessions…</p>}
        {sessions && series.points.length === 0 && (
          <p>
            No finished sessions yet. <Link href="/">Sit one from the lobby</Link> and your progress shows up here.
          </p>
        )}
        {series.points.length > 0 && <ScoreChart points={series.points} kinds={series.kinds} />}
      </section>
      {weakest.length > 0 && (
        <section className="panel">
          <WeakestChart criteria={weakest} />
        </section>
      )}
      <PractiseNext weakest={weakest} />
    </div>
  );
}
