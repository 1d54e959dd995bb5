import { routes } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { NeedsFix } from "./NeedsFix.js";
import { useCan } from "./role.js";
import type { PackSummary } from "./types.js";

/** The team's packs at their latest versions, with "New pack" and "Open" into the editor. */
export function PackList({
  packs,
  error,
  onDismissError,
  onOpen,
}: {
  /** Null while loading. */
  packs: PackSummary[] | null;
  error: string | null;
  onDismissError: () => void;
  /** Open a pack in the editor; null starts a new one. */
  onOpen: (packId: string | null) => void;
}) {
  // A role that cannot publish reads packs ("View") and is not offered a new one.
  const writes = useCan()(routes.publishPack);
  return (
    <section className="panel">
      <div className="pack-list-head">
        <h1>Your packs</h1>
        {writes && (
          <button type="button" className="primary" onClick={() => onOpen(null)} data-testid="new-pack">
            New pack
          </button>
        )}
      </div>
      {error && <ErrorBanner message={error} onDismiss={onDismissError} />}
      {packs === null && !error && <p className="muted">Loading your packs…</p>}
      {packs?.length === 0 && (
        <p className="muted" data-testid="no-packs">
          No packs yet. <strong>New pack</strong> starts from a small working example.
        </p>
      )}
      {packs && packs.length > 0 && (
        <div className="table-scroll">
          <table className="pack-table" data-testid="pack-list">
            <thead>
              <tr>
                <th>Title</th>
                <th>Key</th>
                <th>Latest</th>
                <th>Visibility</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {packs.map((p) => (
                <tr key={p.key} data-testid="pack-row">
                  <td>
                    {p.title}
                    <div className="muted small">
                      {p.questions} question{p.questions === 1 ? "" : "s"} · {p.rounds.length} round{p.rounds.length === 1 ? "" : "s"}
                    </div>
                    {p.needsFix?.length ? <NeedsFix problems={p.needsFix} /> : null}
                  </td>
                  <td>
                    <code>{p.key}</code>
                  </td>
                  <td className="num">v{p.version}</td>
                  <td>
                    <span className={`badge visibility-${p.visibility}`}>{p.visibility}</span>
                  </td>
                  <td className="actions">
                    <button type="button" onClick={() => onOpen(p.id)} data-testid={`open-pack-${p.id}`}>
                      {writes ? "Open" : "View"}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
