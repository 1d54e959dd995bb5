import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer } from "react";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { TeamApiError, type TeamApi } from "./api.js";
import { QuestionPreview } from "./QuestionPreview.js";
import { STARTER_PACK } from "./starter.js";
import { TryPackButton } from "./TryPackButton.js";
import { setUnpublished } from "./unpublished.js";
import { VISIBILITIES, type PackIssue, type PackSummary, type Visibility } from "./types.js";
import { editorDerived, editorReducer, initialEditorState } from "./editor-state.js";
import { PackForm } from "./PackForm.js";
import { PublishedLinks } from "./PublishedLinks.js";
import { DraftQuestion } from "./DraftQuestion.js";
import type { ReviewApi } from "./review-api.js";

// CodeMirror is the bulk of the client: load it only when an editor opens.
const YamlEditor = lazy(() => import("./YamlEditor.js").then((m) => ({ default: m.YamlEditor })));

const VALIDATE_DELAY_MS = 500;

type Props = {
  api: TeamApi;
  /** The pack to open, or null for a new one from the starter template. */
  packId: string | null;
  /** The team's packs, to warn when a "new" pack's id is already taken. */
  existing: PackSummary[];
  onBack: () => void;
  onPublished: () => void;
  /** Authoring help (term suggestions, drafting) and invites. */
  review: ReviewApi;
  onInvite: (packId: string) => void;
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const dateTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function PackEditor({ api, packId: initialPackId, existing, onBack, onPublished, review, onInvite }: Props) {
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialEditorState(initialPackId, STARTER_PACK));
  const { doc, validation } = state;
  const { packId, loading, source, visibility, versions, loadedVersion, latestVersion } = doc;
  const d = editorDerived(state, existing);
  const { current, pending, issues, validId, idChanged, takenBy, tryKey, canPublish, preview, previewStale, selected, dirty } = d;
  const published = state.publish.done;
  const publishError = state.publish.error;
  const publishing = state.publish.running;
  const setSource = useCallback((text: string) => dispatch({ type: "edited", source: text }), []);

  // Open an existing pack at its latest version.
  useEffect(() => {
    if (initialPackId === null) return;
    let cancelled = false;
    api.getPack(initialPackId).then(
      (detail) => !cancelled && dispatch({ type: "loaded", detail }),
      (err: unknown) => !cancelled && dispatch({ type: "loadFailed", message: `Could not open pack "${initialPackId}": ${message(err)}` }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, initialPackId]);

  // Live validation, debounced; a newer text aborts the older request.
  useEffect(() => {
    if (loading) return;
    if (source.trim() === "") {
      dispatch({
        type: "validated",
        source,
        result: { valid: false, issues: [{ file: "editor", path: "", message: "the pack is empty" }], preview: [] },
      });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.validate(source, controller.signal).then(
        (result) => dispatch({ type: "validated", source, result }),
        (err: unknown) =>
          !controller.signal.aborted && dispatch({ type: "validateFailed", message: `Could not check the pack: ${message(err)}` }),
      );
    }, VALIDATE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, source, loading, validation.recheck]);

  // Leaving the page with unpublished edits asks first.
  useEffect(() => {
    setUnpublished(dirty);
    return () => setUnpublished(false);
  }, [dirty]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const issueLines = useMemo(() => (current && !current.valid ? current.issues.flatMap((i) => (i.line ? [i.line] : [])) : []), [current]);

  const publish = async () => {
    if (!canPublish) return;
    const text = source;
    dispatch({ type: "publishStarted" });
    try {
      const result = await api.publish(text, visibility, packId);
      dispatch({ type: "published", result, source: text });
      onPublished();
      try {
        dispatch({ type: "versionsLoaded", versions: (await api.getPack(result.id)).versions });
      } catch {
        // The publish worked; the history refreshes next time the pack opens.
      }
    } catch (err) {
      dispatch({ type: "publishFailed", message: message(err), issues: err instanceof TeamApiError ? err.issues : [] });
    }
  };

  const openVersion = async (version: number) => {
    if (packId === null) return;
    if (dirty && !window.confirm(`Replace your unpublished edits with version ${version}?`)) return;
    dispatch({ type: "dismissPublishError" });
    try {
      const detail = await api.getPack(packId, version);
      dispatch({ type: "versionOpened", version, source: detail.source ?? "" });
    } catch (err) {
      dispatch({ type: "loadFailed", message: `Could not load version ${version}: ${message(err)}` });
    }
  };

  const back = () => {
    if (dirty && !window.confirm("Leave the editor? Your unpublished edits will be lost.")) return;
    onBack();
  };

  const goTo = (issue: PackIssue) => {
    if (issue.line) dispatch({ type: "jumpTo", line: issue.line, column: issue.column ?? 1 });
  };
  const loadError = doc.loadError;
  const validateError = validation.error;
  const jump = state.preview.jump;

  const title = d.title;
  const statusClass = pending ? "pending" : current?.valid ? "ok" : "bad";
  const statusText = pending ? "Checking…" : current?.valid ? "Valid" : `${plural(issues.length, "problem")}`;

  return (
    <section className="pack-editor-page">
      <div className="team-toolbar">
        <button type="button" className="link" onClick={back} data-testid="back-to-packs">
          ← All packs
        </button>
      </div>
      <header className="pack-editor-head">
        <div>
          <h1>{title}</h1>
          <p className="muted small">
            {packId ? (
              <>
                <code>{packId}</code>
                {latestVersion !== null && <> · latest v{latestVersion}</>}
                {loadedVersion !== null && loadedVersion !== latestVersion && <> · editing from v{loadedVersion}</>}
              </>
            ) : (
              "Not published yet"
            )}
            {dirty && <> · unpublished edits</>}
          </p>
        </div>
      </header>

      {loadError && <ErrorBanner message={loadError} onDismiss={() => dispatch({ type: "dismissLoadError" })} />}

      <div className="pack-editor-grid">
        <div className="pack-editor-main">
          <div className="panel editor-panel">
            <div className="editor-panel-head">
              <div className="button-row" role="tablist" aria-label="Editor view">
                <button
                  type="button"
                  role="tab"
                  aria-selected={state.view === "yaml"}
                  className={state.view === "yaml" ? "active" : ""}
                  data-testid="view-yaml"
                  onClick={() => dispatch({ type: "view", view: "yaml" })}
                >
                  YAML
                </button>
                <button
                  type="button"
                  role="tab"
                  aria-selected={state.view === "form"}
                  className={state.view === "form" ? "active" : ""}
                  data-testid="view-form"
                  onClick={() => dispatch({ type: "view", view: "form" })}
                >
                  Form
                </button>
              </div>
              <span className={`validation-status ${statusClass}`} data-testid="validation-status" aria-live="polite">
                {statusText}
              </span>
            </div>
            {loading ? (
              <div className="code-editor-loading muted">Loading the pack…</div>
            ) : state.view === "form" ? (
              <PackForm source={source} onChange={setSource} api={review} />
            ) : (
              <Suspense fallback={<div className="code-editor-loading muted">Loading the editor…</div>}>
                <YamlEditor value={source} onChange={setSource} issueLines={issueLines} jump={jump} />
              </Suspense>
            )}
            {validateError && (
              <p className="error-text small">
                {validateError}{" "}
                <button type="button" className="link-button" data-testid="recheck" onClick={() => dispatch({ type: "recheck" })}>
                  Check again
                </button>
              </p>
            )}
            {issues.length > 0 && (
              <ul className={`issue-list ${pending ? "stale" : ""}`} data-testid="validation-issues">
                {issues.map((issue, i) => (
                  <li key={`${i}:${issue.path}:${issue.message}`} data-testid="validation-issue">
                    <IssueButton issue={issue} onClick={() => goTo(issue)} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>

        <aside className="pack-editor-side">
          <div className="panel publish-panel">
            <h2>Publish</h2>
            <label className="field">
              <span>Visibility</span>
              <select
                data-testid="visibility-select"
                value={visibility}
                onChange={(e) => dispatch({ type: "visibility", visibility: e.target.value as Visibility })}
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
                This editor holds pack <code>{packId}</code>, but the YAML now says <code>id: {validId}</code>. A pack's id cannot change:
                set it back to publish a new version.
              </p>
            )}
            {takenBy && (
              <p className="notice small">
                Your team already has <code>{takenBy.key}</code> (v{takenBy.version}): publishing adds v{takenBy.version + 1} to it.
              </p>
            )}
            <button type="button" className="primary" data-testid="publish-button" disabled={!canPublish} onClick={() => void publish()}>
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
                <ErrorBanner
                  message={`Not published: ${publishError.message}`}
                  onDismiss={() => dispatch({ type: "dismissPublishError" })}
                />
                {publishError.issues.length > 0 && (
                  <ul className="issue-list">
                    {publishError.issues.map((issue, i) => (
                      <li key={`${i}:${issue.path}:${issue.message}`}>
                        <IssueButton issue={issue} onClick={() => goTo(issue)} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>

          <DraftQuestion api={review} source={source} onDrafted={setSource} />

          <div className="panel preview-panel">
            <div className="editor-panel-head">
              <h2>Candidate preview</h2>
              {preview.length > 0 && (
                <select
                  data-testid="preview-select"
                  value={selected?.id ?? ""}
                  onChange={(e) => dispatch({ type: "previewSelected", id: e.target.value })}
                  aria-label="Question to preview"
                >
                  {preview.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.title} ({q.kind}, {q.level})
                    </option>
                  ))}
                </select>
              )}
            </div>
            {previewStale && <p className="muted small">Showing the last valid text; fix the problems to update the preview.</p>}
            {selected ? (
              <QuestionPreview key={selected.id} question={selected} />
            ) : (
              <p className="muted">{pending ? "Checking the pack…" : "The preview appears once the pack is valid."}</p>
            )}
          </div>

          {packId !== null && versions.length > 0 && (
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
                        onClick={() => void openVersion(v.version)}
                      >
                        <strong>v{v.version}</strong>
                        <span className="badge">{v.visibility}</span>
                        <span className="muted small">{dateTime(v.created_at)}</span>
                      </button>
                    </li>
                  ))}
              </ol>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}

const VISIBILITY_HELP: Record<Visibility, string> = {
  private: "Only your team sees it; candidates cannot start it.",
  unlisted: "Not in the lobby; candidates can start it by its key.",
  public: "Listed in the lobby for every candidate.",
};

function IssueButton({ issue, onClick }: { issue: PackIssue; onClick: () => void }) {
  const text = (
    <>
      {issue.line ? <span className="issue-where">{`${issue.line}:${issue.column ?? 1}`}</span> : null}{" "}
      <span className="issue-path">{issue.path || "(root)"}</span>: <span className="issue-message">{issue.message}</span>
    </>
  );
  if (!issue.line) return <span className="issue">{text}</span>;
  return (
    <button type="button" className="issue" onClick={onClick} title={`Go to line ${issue.line}`}>
      {text}
    </button>
  );
}
