import { useCallback, useEffect, useState } from "react";
import type { TeamSessionList } from "../../../server/contracts/index.js";
import { MAX_COMPARE, MIN_COMPARE, routes } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { download, message } from "./format.js";
import { DEFAULT_SESSION_FILTERS, filtersToQuery, toggleSelected, withSortKey, type SessionFilters } from "./session-filters.js";
import { SessionTable } from "./SessionTable.js";
import type { ReviewApi } from "./review-api.js";
import { useCan } from "./role.js";

type Props = { api: ReviewApi; teamId: string; onOpen: (sessionId: string) => void; onCompare: (ids: string[]) => void };
/** The team dashboard: sessions of its invites and packs, filtered and sorted on the server. */
export function SessionsPanel({ api, teamId, onOpen, onCompare }: Props) {
  const [filters, setFilters] = useState<SessionFilters>(DEFAULT_SESSION_FILTERS);
  const [list, setList] = useState<TeamSessionList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const query = filtersToQuery(filters);

  const load = useCallback(() => {
    api.sessions(query).then(
      (l) => (setList(l), setError(null)),
      (err: unknown) => setError(`Could not load sessions: ${message(err)}`),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, filters.status, filters.pack, filters.q, filters.sort, filters.order]);
  useEffect(load, [load]);

  const set = <K extends keyof SessionFilters>(k: K, v: SessionFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const exportCsv = async () => {
    try {
      download(await api.csv(query), `${teamId}-sessions.csv`);
    } catch (err) {
      setError(message(err));
    }
  };

  const can = useCan();
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
          {can(routes.teamSessionsCsv) && (
            <button type="button" data-testid="csv-button" onClick={() => void exportCsv()}>
              Download CSV
            </button>
          )}
        </div>
      </div>
      <div className="filter-row">
        <label className="field">
          <span>Status</span>
          <select
            data-testid="filter-status"
            value={filters.status}
            onChange={(e) => set("status", e.target.value as SessionFilters["status"])}
          >
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
            onChange={(e) => setFilters((f) => withSortKey(f, e.target.value))}
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
        <SessionTable
          sessions={list.sessions}
          selected={selected}
          onToggle={(id) => setSelected((s) => toggleSelected(s, id))}
          onOpen={onOpen}
        />
      )}
      <p className="muted small">
        Integrity signals are facts to read in context (a paste may be the candidate's own notes), never a verdict.
      </p>
    </section>
  );
}
