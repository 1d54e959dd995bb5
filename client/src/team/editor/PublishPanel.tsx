import { ErrorBanner } from "../../components/ErrorBanner.js";
import { PublishedLinks } from "../PublishedLinks.js";
import { TryPackButton } from "../TryPackButton.js";
import { VISIBILITIES, type PackIssue, type PackSummary, type Visibility } from "../types.js";
import { IssueList } from "./IssueList.js";

const VISIBILITY_HELP: Record<Visibility, string> = {
  private: "Only your team sees it; candidates cannot start it.",
  unlisted: "Not in the lobby; candidates can start it by its key.",
  public: "Listed in the lobby for every candidate.",
};

/** The side panel that publishes: visibility, why publishing is off (an id changed or taken), the result and its links. */
export function PublishPanel({
  packId,
  visibility,
  publishing,
  canPublish,
  idChanged,
  validId,
  takenBy,
  published,
  publishError,
  tryKey,
  onVisibility,
  onPublish,
  onDismissError,
  onGoTo,
  onInvite,
}: {
  /** The pack this editor holds; null for one not published yet. */
  packId: string | null;
  visibility: Visibility;
  publishing: boolean;
  canPublish: boolean;
  /** The YAML's id differs from the pack this editor holds. */
  idChanged: boolean;
  validId: string | null;
  /** A "new" pack whose id the team already has. */
  takenBy: PackSummary | null | undefined;
  /** The version just published, if any. */
  published: PackSummary | null;
  publishError: { message: string; issues: PackIssue[] } | null;
  /** A published pack candidates can start: offer to try it. */
  tryKey: string | null;
  onVisibility: (v: Visibility) => void;
  onPublish: () => void;
  onDismissError: () => void;
  onGoTo: (issue: PackIssue) => void;
  onInvite: (packId: string) => void;
}) {
  return (
    <div className="panel publish-panel">
      <h2>Publish</h2>
      <label className="field">
        <span>Visibility</span>
        <select
          data-testid="visibility-select"
          value={visibility}
          onChange={(e) => onVisibility(e.target.value as Visibility)}
          disabled={publishing}
        >
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{VISIBILITY_HELP[visibility]}</p>
      {idChanged && (
        <p className="notice warn small">
          This editor holds pack <code>{packId}</code>, but the YAML now says <code>id: {validId}</code>. A pack's id cannot change: set it
          back to publish a new version.
        </p>
      )}
      {takenBy && (
        <p className="notice small">
          Your team already has <code>{takenBy.key}</code> (v{takenBy.version}): publishing adds v{takenBy.version + 1} to it.
        </p>
      )}
      <button type="button" className="primary" data-testid="publish-button" disabled={!canPublish} onClick={onPublish}>
        {publishing ? "Publishing…" : packId === null ? "Publish" : "Publish new version"}
      </button>
      {published && (
        <p className="publish-ok" data-testid="publish-status" role="status">
          Published {published.key} v{published.version}
          <span className="muted"> · {published.visibility}</span>
        </p>
      )}
      {published && <PublishedLinks published={published} onInvite={() => onInvite(published.id)} />}
      {tryKey && <TryPackButton packKey={tryKey} />}
      {publishError && (
        <div className="publish-failed" data-testid="publish-error">
          <ErrorBanner message={`Not published: ${publishError.message}`} onDismiss={onDismissError} />
          {publishError.issues.length > 0 && <IssueList issues={publishError.issues} onGoTo={onGoTo} />}
        </div>
      )}
    </div>
  );
}
