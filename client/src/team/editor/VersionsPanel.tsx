const dateTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The pack's published versions, newest first; opening one loads its text as a starting point. */
export function VersionsPanel({
  versions,
  loadedVersion,
  onOpen,
}: {
  versions: { version: number; visibility: string; created_at: number }[];
  loadedVersion: number | null;
  onOpen: (version: number) => void;
}) {
  return (
    <div className="panel versions-panel">
      <h2>Versions</h2>
      <p className="muted small">Published versions never change. Open one to start editing from it.</p>
      <ol className="version-list" data-testid="version-list" reversed>
        {[...versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => (
            <li key={v.version}>
              <button
                type="button"
                className={`version-item ${v.version === loadedVersion ? "current" : ""}`}
                data-testid="version-item"
                aria-current={v.version === loadedVersion ? "true" : undefined}
                onClick={() => onOpen(v.version)}
              >
                <strong>v{v.version}</strong>
                <span className="badge">{v.visibility}</span>
                <span className="muted small">{dateTime(v.created_at)}</span>
              </button>
            </li>
          ))}
      </ol>
    </div>
  );
}
