import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { TeamApiError, type TeamApi } from "./api.js";
import { STARTER_PACK } from "./starter.js";
import { startLiveCheck } from "./live-check.js";
import { setUnpublished } from "./unpublished.js";
import type { PackIssue, PackSummary } from "./types.js";
import { editorDerived, editorReducer, initialEditorState } from "./editor-state.js";
import { PackForm } from "./PackForm.js";
import { IssueList, PreviewPanel, PublishPanel, VersionsPanel } from "./editor/index.js";
import { DraftQuestion } from "./DraftQuestion.js";
import { NeedsFix } from "./NeedsFix.js";
import type { ReviewApi } from "./review-api.js";
import { needs, useCan } from "./role.js";
import { routes } from "../../../server/contracts/index.js";

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
  // A role that may not publish reads the pack: nothing is checked (the dry run is an author's tool) or published.
  const writes = useCan()(routes.validatePack);

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

  // Live validation, debounced, one check in flight at a time. A check of a replaced text is left to finish and its
  // answer dropped, never aborted: the server takes an aborted check that is still waiting out of the team's line, but
  // one already being read has the shared reading thread replaced (server/workers/one-worker-queue.ts), some 0.6 s of
  // CPU for every team, on every pause in typing. The newest text is sent once the check before it has answered. A
  // check with no answer in CHECK_TIMEOUT_MS is stopped with a message (live-check.ts); leaving the editor stops it.
  const checkInFlight = useRef<Promise<void>>(Promise.resolve());
  const stopCheck = useRef<() => void>(() => undefined);
  useEffect(() => () => stopCheck.current(), []);
  useEffect(() => {
    if (loading || !writes) return;
    if (source.trim() === "") {
      dispatch({
        type: "validated",
        source,
        result: {
          valid: false,
          issues: [{ file: "editor", path: "", message: "the pack is empty" }],
          warnings: [],
          pack: null,
          preview: [],
        },
      });
      return;
    }
    let replaced = false;
    const timer = window.setTimeout(() => {
      checkInFlight.current = checkInFlight.current.then(
        () =>
          new Promise<void>((settle) => {
            if (replaced) return settle();
            stopCheck.current = startLiveCheck({
              check: (signal) => api.validate(source, signal),
              onResult: (result) => {
                settle();
                if (!replaced) dispatch({ type: "validated", source, result });
              },
              onError: (why) => {
                settle();
                if (!replaced) dispatch({ type: "validateFailed", message: `Could not check the pack: ${why}` });
              },
            });
          }),
      );
    }, VALIDATE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      replaced = true;
    };
  }, [api, source, loading, validation.recheck, writes]);

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
      const result = await api.publish(text, visibility, packId, latestVersion ?? 0);
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
      {doc.needsFix.length > 0 && (
        <div className="panel">
          <NeedsFix problems={doc.needsFix} testId="editor-needs-fix" />
          <p className="muted small">
            This is about the latest version (v{latestVersion}): interviews and invites start on the pack again once a version without these
            problems is published.
          </p>
        </div>
      )}

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
              {writes ? (
                <span className={`validation-status ${statusClass}`} data-testid="validation-status" aria-live="polite">
                  {statusText}
                </span>
              ) : (
                <span className="validation-status" data-testid="read-only">
                  Read only
                </span>
              )}
            </div>
            {!pending && current?.valid && current.warnings.length > 0 && (
              <ul className="muted small pack-warnings" data-testid="pack-warnings">
                {current.warnings.map((w) => (
                  <li key={w}>Warning: {w}</li>
                ))}
              </ul>
            )}
            {loading ? (
              <div className="code-editor-loading muted">Loading the pack…</div>
            ) : state.view === "form" ? (
              <PackForm source={source} onChange={setSource} api={review} readOnly={!writes} />
            ) : (
              <Suspense fallback={<div className="code-editor-loading muted">Loading the editor…</div>}>
                <YamlEditor value={source} onChange={setSource} issueLines={issueLines} jump={jump} readOnly={!writes} />
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
            {issues.length > 0 && <IssueList issues={issues} onGoTo={goTo} stale={pending} testIds />}
          </div>
        </div>

        <aside className="pack-editor-side">
          {!writes && (
            <div className="panel" data-testid="publish-role-note">
              <p className="muted small">Editing, checking and publishing packs {needs(routes.publishPack)}; this token can read them.</p>
            </div>
          )}
          {writes && (
            <PublishPanel
              packId={packId}
              visibility={visibility}
              publishing={publishing}
              canPublish={canPublish}
              idChanged={idChanged}
              validId={validId}
              takenBy={takenBy}
              published={published}
              publishError={publishError}
              tryKey={tryKey}
              onVisibility={(v) => dispatch({ type: "visibility", visibility: v })}
              onPublish={() => void publish()}
              onDismissError={() => dispatch({ type: "dismissPublishError" })}
              onGoTo={goTo}
              onInvite={onInvite}
            />
          )}

          {writes && <DraftQuestion api={review} source={source} onDrafted={setSource} />}

          <PreviewPanel
            preview={preview}
            selected={selected}
            previewStale={previewStale}
            pending={pending}
            onSelect={(id) => dispatch({ type: "previewSelected", id })}
          />

          {packId !== null && versions.length > 0 && (
            <VersionsPanel versions={versions} loadedVersion={loadedVersion} onOpen={(version) => void openVersion(version)} />
          )}
        </aside>
      </div>
    </section>
  );
}
