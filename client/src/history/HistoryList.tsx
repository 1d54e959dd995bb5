import { Link } from "wouter";
import type { HistorySession } from "../../../server/contracts/index.js";
import { formatDate, modeName } from "../report/words.js";

/** Every session this browser sat: date, pack, mode, score and a link to its report (or back into it). */
export function HistoryList({ sessions }: { sessions: HistorySession[] }) {
  if (sessions.length === 0) return <p className="muted">No sessions yet. Your interviews will be listed here.</p>;
  return (
    <ul className="history-list" data-testid="history-list">
      {sessions.map((s) => (
        <li key={s.sessionId} className="history-item" data-testid="history-item" data-status={s.status}>
          <div className="history-main">
            <Link href={s.status === "complete" ? `/report/${s.sessionId}` : `/interview/${s.sessionId}`} className="history-link">
              {s.packTitle}
              <span className="visually-hidden"> {s.status === "complete" ? "report" : "(continue)"}</span>
            </Link>
            <span className="muted small">
              {formatDate(s.startedAt)} · {modeName(s.mode)}
              {s.level ? ` · ${s.level}` : ""} · {s.rounds.map((r) => r.title).join(", ")}
            </span>
          </div>
          <span className="history-score" data-testid="history-score">
            {s.overall === null ? <span className="tag">in progress</span> : `${Math.round(s.overall)}/100`}
          </span>
        </li>
      ))}
    </ul>
  );
}
