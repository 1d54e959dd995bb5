import { Link } from "wouter";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { HistoryList } from "./HistoryList.js";
import { HistoryTransfer } from "./HistoryTransfer.js";
import { useHistory } from "./useHistory.js";

/** The lobby's "Your sessions": listed from the server for this browser's tokens, with export / import. */
export function HistoryPanel() {
  const { sessions, error, reload } = useHistory();
  return (
    <section className="panel history" aria-labelledby="history-heading" data-testid="history">
      <div className="section-head">
        <h2 id="history-heading">Your sessions</h2>
        {sessions && sessions.some((s) => s.status === "complete") && (
          <Link href="/progress" data-testid="progress-link">
            See your progress
          </Link>
        )}
      </div>
      {error && <ErrorBanner message={error} />}
      {sessions === null && !error && <p className="muted">Loading your sessions…</p>}
      {sessions && <HistoryList sessions={sessions} />}
      <HistoryTransfer onImported={reload} />
      <p className="muted small">
        No account needed: this browser keeps a key to each session, and the server lists only the sessions those keys open.
      </p>
    </section>
  );
}
