import { useCallback, useEffect, useState } from "react";
import type { TeamSessionList, TeamSessionsQuery } from "../../../server/contracts/index.js";
import { MAX_COMPARE, MIN_COMPARE } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { dateTime, download, duration, message, score, signalsText } from "./format.js";
import type { ReviewApi } from "./review-api.js";

type Props = { api: ReviewApi; teamId: string; onOpen: (sessionId: string) => void; onCompare: (ids: string[]) => void };
type Filters = {
  status: "" | "active" | "complete";
  pack: string;
  q: string;
  sort: NonNullable<TeamSessionsQuery["sort"]>;
  order: "asc" | "desc";
};

/** The team dashboard: sessions of its invites and packs, filtered and sorted on the server. */
export function SessionsPanel({ api, teamId, onOpen, onCompare }: Props) {
  const [filters, setFilters] = useState<Filters>({ status: "", pack: "", q: "", sort: "started", order: "desc" });
  const [list, setList] = useState<TeamSessionList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const query = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.pack ? { pack: filters.pack } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    sort: filters.sort,
    order: filters.order,
  };

  const load = useCallback(() => {
    api.sessions(query).then(
      (l) => (setList(l), setError(null)),
      (err: unknown) => setError(`Could not load sessions: ${message(err)}`),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, filters.status, filters.pack, filters.q, filters.sort, filters.order]);
  useEffect(load, [load]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const exportCsv = async () => {
    try {
      download(await api.csv(query), `${teamId}-sessions.csv`);
    } catch (err) {
      setError(message(err));
    }
  };

  return (
    <section className="panel" data-testid="sessions-panel">
      <div className="pack-list-head">
        <h1>Sessions</h1>
        <div className="button-row">
          <button
            type="button"
            data-testid="compare-button"
            disabled={selected.length < MIN_COMPARE || selected.length > MAX_COMPARE}
            onClick={() => onCompare(selected)}
          >
            Compare selected ({selected.length})
          </button>
          <button type="button" data-testid="csv-button" onClick={() => void exportCsv()}>
            Download CSV
          </button>
        </div>
      </div>
      <div className="filter-row">
        <label className="field">
          <span>Status</span>
          <select data-testid="filter-status" value={filters.status} onChange={(e) => set("status", e.target.value as Filters["status"])}>
            <option value="">any</option>
            <option value="active">in progress</option>
            <option value="complete">complete</option>
          </select>
        </label>
        <label className="field">
          <span>Pack</span>
          <select data-testid="filter-pack" value={filters.pack} onChange={(e) => set("pack", e.target.value)}>
            <option value="">any</option>
            {list?.packs.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Candidate</span>
          <input
            className="text-input"
            data-testid="filter-q"
            value={filters.q}
            onChange={(e) => set("q", e.target.value)}
            placeholder="label contains…"
          />
        </label>
        <label className="field">
          <span>Sort by</span>
          <select
            data-testid="sort"
            value={`${filters.sort}:${filters.order}`}
            onChange={(e) => {
              const [s, o] = e.target.value.split(":");
              setFilters((f) => ({ ...f, sort: s as Filters["sort"], order: o as Filters["order"] }));
            }}
          >
            <option value="started:desc">newest first</option>
            <option value="started:asc">oldest first</option>
            <option value="score:desc">score, high to low</option>
            <option value="score:asc">score, low to high</option>
            <option value="candidate:asc">candidate A-Z</option>
            <option value="pastes:desc">most pasted</option>
            <option value="away:desc">most time away</option>
            <option value="time:desc">longest</option>
          </select>
        </label>
      </div>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {list === null && !error && <p className="muted">Loading sessions…</p>}
      {list?.sessions.length === 0 && (
        <p className="muted" data-testid="no-sessions">
          No sessions yet. Invite a candidate, or share a pack.
        </p>
      )}
      {list && list.sessions.length > 0 && (
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
              {list.sessions.map((s) => (
                <tr key={s.sessionId} data-testid="session-row" data-session={s.sessionId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${s.candidateLabel ?? s.sessionId}`}
                      data-testid="session-select"
                      checked={selected.includes(s.sessionId)}
                      onChange={() => toggle(s.sessionId)}
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
      )}
      <p className="muted small">
        Integrity signals are facts to read in context (a paste may be the candidate's own notes), never a verdict.
      </p>
    </section>
  );
}
