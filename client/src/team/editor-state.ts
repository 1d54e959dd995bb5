import type { PublicQuestion } from "../../../server/contracts/index.js";
import type { PackDetail, PackIssue, PackSummary, PackVersionInfo, ValidateResult, Visibility } from "./types.js";
import type { JumpTarget } from "./YamlEditor.js";

/**
 * The pack editor's state, by responsibility: the document (text, baseline,
 * versions), its validation, the preview, and publishing. One reducer so every
 * transition is a named, unit-tested event instead of a scatter of setters.
 */
export type EditorState = {
  doc: {
    packId: string | null;
    loading: boolean;
    loadError: string | null;
    source: string;
    /** The text last loaded or published: editing away from it makes the editor dirty. */
    baseline: string;
    visibility: Visibility;
    versions: PackVersionInfo[];
    loadedVersion: number | null;
    latestVersion: number | null;
    /** The latest version's problems under rules added after it was published (PackSummary.needsFix); none once fixed. */
    needsFix: PackIssue[];
  };
  validation: {
    /** The validation of one exact text: it only counts while the editor still holds that text. */
    checked: { source: string; result: ValidateResult } | null;
    error: string | null;
    /** Bumped by "Check again" to re-run validation without an edit. */
    recheck: number;
  };
  preview: { last: PublicQuestion[]; lastTitle: string | null; selectedId: string | null; jump: JumpTarget | null };
  publish: { running: boolean; done: PackSummary | null; error: { message: string; issues: PackIssue[] } | null };
  view: "yaml" | "form";
};

export type EditorEvent =
  | { type: "loaded"; detail: PackDetail }
  | { type: "loadFailed"; message: string }
  | { type: "dismissLoadError" }
  | { type: "edited"; source: string }
  | { type: "validated"; source: string; result: ValidateResult }
  | { type: "validateFailed"; message: string }
  | { type: "recheck" }
  | { type: "visibility"; visibility: Visibility }
  | { type: "previewSelected"; id: string }
  | { type: "jumpTo"; line: number; column: number }
  | { type: "publishStarted" }
  | { type: "published"; result: PackSummary; source: string }
  | { type: "publishFailed"; message: string; issues: PackIssue[] }
  | { type: "dismissPublishError" }
  | { type: "versionsLoaded"; versions: PackVersionInfo[] }
  | { type: "versionOpened"; version: number; source: string }
  | { type: "view"; view: "yaml" | "form" };

export function initialEditorState(packId: string | null, starter: string): EditorState {
  return {
    doc: {
      packId,
      loading: packId !== null,
      loadError: null,
      source: packId === null ? starter : "",
      baseline: packId === null ? starter : "",
      visibility: "private",
      versions: [],
      loadedVersion: null,
      latestVersion: null,
      needsFix: [],
    },
    validation: { checked: null, error: null, recheck: 0 },
    preview: { last: [], lastTitle: null, selectedId: null, jump: null },
    publish: { running: false, done: null, error: null },
    view: "yaml",
  };
}

export function editorReducer(s: EditorState, e: EditorEvent): EditorState {
  switch (e.type) {
    case "loaded": {
      const text = e.detail.source ?? "";
      return {
        ...s,
        doc: {
          ...s.doc,
          loading: false,
          source: text,
          baseline: text,
          visibility: e.detail.visibility,
          versions: e.detail.versions,
          loadedVersion: e.detail.version,
          latestVersion: e.detail.version,
          needsFix: e.detail.needsFix ?? [],
        },
      };
    }
    case "loadFailed":
      return { ...s, doc: { ...s.doc, loading: false, loadError: e.message } };
    case "dismissLoadError":
      return { ...s, doc: { ...s.doc, loadError: null } };
    case "edited":
      return { ...s, doc: { ...s.doc, source: e.source } };
    case "validated": {
      const preview = e.result.pack ? { ...s.preview, last: e.result.preview, lastTitle: e.result.pack.title } : s.preview;
      return { ...s, validation: { ...s.validation, checked: { source: e.source, result: e.result }, error: null }, preview };
    }
    case "validateFailed":
      return { ...s, validation: { ...s.validation, error: e.message } };
    case "recheck":
      return { ...s, validation: { ...s.validation, recheck: s.validation.recheck + 1 } };
    case "visibility":
      return { ...s, doc: { ...s.doc, visibility: e.visibility } };
    case "previewSelected":
      return { ...s, preview: { ...s.preview, selectedId: e.id } };
    case "jumpTo":
      return {
        ...s,
        view: "yaml",
        preview: { ...s.preview, jump: { line: e.line, column: e.column, seq: (s.preview.jump?.seq ?? 0) + 1 } },
      };
    case "publishStarted":
      return { ...s, publish: { running: true, done: null, error: null } };
    case "published":
      return {
        ...s,
        doc: {
          ...s.doc,
          packId: e.result.id,
          baseline: e.source,
          visibility: e.result.visibility,
          loadedVersion: e.result.version,
          latestVersion: e.result.version,
          needsFix: e.result.needsFix ?? [],
        },
        publish: { running: false, done: e.result, error: null },
      };
    case "publishFailed":
      return { ...s, publish: { running: false, done: null, error: { message: e.message, issues: e.issues } } };
    case "dismissPublishError":
      return { ...s, publish: { ...s.publish, error: null } };
    case "versionsLoaded":
      return { ...s, doc: { ...s.doc, versions: e.versions } };
    case "versionOpened":
      return {
        ...s,
        doc: { ...s.doc, source: e.source, baseline: e.source, loadedVersion: e.version },
        publish: { ...s.publish, done: null, error: null },
      };
    case "view":
      return { ...s, view: e.view };
  }
}

/** What the editor derives from its state: dirty, the current check, what can be published. */
export function editorDerived(s: EditorState, existing: PackSummary[]) {
  const { doc, validation, preview: pv, publish } = s;
  const current = validation.checked?.source === doc.source ? validation.checked.result : null;
  const pending = !doc.loading && current === null;
  const shown = current ?? validation.checked?.result ?? null;
  const issues = shown && !shown.valid ? shown.issues : [];
  const validId = current?.valid ? (current.pack?.id ?? null) : null;
  const idChanged = doc.packId !== null && validId !== null && validId !== doc.packId;
  const preview = current?.valid ? current.preview : pv.last;
  return {
    dirty: !doc.loading && doc.source !== doc.baseline,
    current,
    pending,
    issues,
    validId,
    idChanged,
    takenBy: doc.packId === null && validId !== null ? existing.find((p) => p.id === validId) : undefined,
    tryKey: publish.done?.key ?? existing.find((p) => p.id === doc.packId)?.key ?? null,
    canPublish: Boolean(current?.valid) && !idChanged && !publish.running && !doc.loading,
    preview,
    previewStale: !current?.valid && pv.last.length > 0,
    selected: preview.find((q) => q.id === pv.selectedId) ?? preview[0],
    title: (current?.valid ? current.pack?.title : pv.lastTitle) ?? doc.packId ?? "New pack",
  };
}
