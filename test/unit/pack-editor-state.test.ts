import { describe, expect, it } from "vitest";
import {
  editorDerived,
  editorReducer,
  initialEditorState,
  type EditorEvent,
  type EditorState,
} from "../../client/src/team/editor-state.js";
import type { PackSummary } from "../../client/src/team/types.js";

const run = (s: EditorState, ...events: EditorEvent[]) => events.reduce(editorReducer, s);
const valid = (id: string, title = "T") => ({
  valid: true as const,
  issues: [] as [],
  warnings: [],
  pack: { id, title, rounds: 1 },
  preview: [{ id: "q1", kind: "behavioural", level: "mid", title: "Q", prompt: "p" }] as never,
});
const summary: PackSummary = {
  key: "acme/p",
  id: "p",
  version: 1,
  visibility: "private",
  title: "T",
  questions: 1,
  rounds: ["r"],
  needsFix: [],
};

describe("pack editor state", () => {
  it("a new pack starts from the starter text, clean; an edit makes it dirty", () => {
    const s = initialEditorState(null, "id: p\n");
    expect(editorDerived(s, []).dirty).toBe(false);
    expect(editorDerived(run(s, { type: "edited", source: "id: q\n" }), []).dirty).toBe(true);
  });

  it("a validation only counts for the exact text it checked", () => {
    const s = run(initialEditorState(null, "a"), { type: "validated", source: "a", result: valid("p") });
    expect(editorDerived(s, []).canPublish).toBe(true);
    const edited = run(s, { type: "edited", source: "b" });
    expect(editorDerived(edited, []).pending).toBe(true);
    expect(editorDerived(edited, []).canPublish).toBe(false);
    // The preview keeps the last valid state while the new text is checked.
    expect(editorDerived(edited, []).previewStale).toBe(true);
    expect(editorDerived(edited, []).title).toBe("T");
  });

  it("lists every problem of an invalid text at once", () => {
    const issues = [
      { file: "editor", path: "a", message: "x" },
      { file: "editor", path: "b", message: "y" },
    ];
    const s = run(initialEditorState(null, "a"), {
      type: "validated",
      source: "a",
      result: { valid: false, issues, warnings: [], pack: null, preview: [] },
    });
    expect(editorDerived(s, []).issues).toEqual(issues);
  });

  it("publishing sets the pack id, baseline and versions; a changed id blocks the next publish", () => {
    let s = run(initialEditorState(null, "a"), { type: "validated", source: "a", result: valid("p") }, { type: "publishStarted" });
    expect(editorDerived(s, []).canPublish).toBe(false);
    s = run(s, { type: "published", result: summary, source: "a" });
    expect(s.doc).toMatchObject({ packId: "p", baseline: "a", latestVersion: 1 });
    expect(editorDerived(s, [summary]).tryKey).toBe("acme/p");
    s = run(s, { type: "edited", source: "b" }, { type: "validated", source: "b", result: valid("other") });
    expect(editorDerived(s, [summary]).idChanged).toBe(true);
    expect(editorDerived(s, [summary]).canPublish).toBe(false);
  });

  it("a failed publish keeps the text and shows the server's problems", () => {
    const s = run(
      initialEditorState(null, "a"),
      { type: "publishStarted" },
      { type: "publishFailed", message: "bad", issues: [{ file: "upload", path: "x", message: "m" }] },
    );
    expect(s.publish).toEqual({
      running: false,
      done: null,
      error: { message: "bad", issues: [{ file: "upload", path: "x", message: "m" }] },
    });
    expect(s.doc.source).toBe("a");
    expect(run(s, { type: "dismissPublishError" }).publish.error).toBeNull();
  });

  it("jumping to a problem shows the YAML view at that line", () => {
    const s = run(
      initialEditorState(null, "a"),
      { type: "view", view: "form" },
      { type: "jumpTo", line: 3, column: 2 },
      { type: "jumpTo", line: 4, column: 1 },
    );
    expect(s.view).toBe("yaml");
    expect(s.preview.jump).toEqual({ line: 4, column: 1, seq: 2 });
  });

  it("loading an existing pack, and opening an older version, reset the baseline", () => {
    let s = initialEditorState("p", "starter");
    expect(s.doc.loading).toBe(true);
    s = run(s, { type: "loaded", detail: { ...summary, version: 3, source: "v3", versions: [], pack: {} } });
    expect(s.doc).toMatchObject({ loading: false, source: "v3", baseline: "v3", loadedVersion: 3, latestVersion: 3 });
    s = run(s, { type: "versionOpened", version: 2, source: "v2" });
    expect(s.doc).toMatchObject({ source: "v2", baseline: "v2", loadedVersion: 2, latestVersion: 3 });
    expect(editorDerived(s, []).dirty).toBe(false);
  });
});
