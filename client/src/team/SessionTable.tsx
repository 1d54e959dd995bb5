import type { TeamSessionList } from "../../../server/contracts/index.js";
import { dateTime, duration, score, signalsText } from "./format.js";

/** One row per session: select (for comparing), candidate, pack, status, scores, time, integrity signals, Open. */
export function SessionTable({
  sessions,
  selected,
  onToggle,
  onOpen,
}: {
  sessions: TeamSessionList["sessions"];
  selected: readonly string[];
  onToggle: (sessionId: string) => void;
  onOpen: (sessionId: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="pack-table" data-testid="session-list">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">Select</span>
            </th>
            <th>Candidate</th>
            <th>Pack</th>
            <th>Status</th>
            <th>Score</th>
            <th>Rounds</th>
            <th>Time</th>
            <th>Integrity signals</th>
            <th>
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId} data-testid="session-row" data-session={s.sessionId}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${s.candidateLabel ?? s.sessionId}`}
                  data-testid="session-select"
                  checked={selected.includes(s.sessionId)}
                  onChange={() => onToggle(s.sessionId)}
                />
              </td>
              <td>
                <strong data-testid="session-candidate">{s.candidateLabel ?? "(shared link)"}</strong>
                <div className="muted small">
                  {s.candidateEmail ?? s.source} · {dateTime(s.startedAt)}
                </div>
              </td>
              <td>
                <code>{s.packKey}</code> <span className="muted small">v{s.packVersion}</span>
              </td>
              <td>
                <span className="badge">{s.status === "active" ? "in progress" : "complete"}</span>
              </td>
              <td className="num" data-testid="session-score">
                {score(s.score)}
                {s.overrides > 0 && (
                  <div className="muted small">
                    graded {score(s.gradedScore)}, {s.overrides} override{s.overrides === 1 ? "" : "s"}
                  </div>
                )}
              </td>
              <td className="small">
                {s.rounds.map((r) => (
                  <div key={r.roundId}>
                    {r.title}: {score(r.score)}
                  </div>
                ))}
              </td>
              <td className="num">{duration(s.secondsUsed)}</td>
              <td className="small" data-testid="session-signals">
                {signalsText(s.signals)}
              </td>
              <td className="actions">
                <button type="button" data-testid="open-session" onClick={() => onOpen(s.sessionId)}>
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
