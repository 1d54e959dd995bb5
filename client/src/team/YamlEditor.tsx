import { useEffect, useRef } from "react";
import CodeMirror, { Decoration, EditorView, StateEffect, StateField, type DecorationSet, type Extension } from "@uiw/react-codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { usePrefersDark } from "../components/usePrefersDark.js";

/** Where to put the cursor; `seq` makes a second click on the same issue move it again. */
export type JumpTarget = { line: number; column: number; seq: number };

const setIssueLines = StateEffect.define<number[]>();
const issueLine = Decoration.line({ class: "cm-issue-line" });

/** A tint on every line that has a validation problem, replaced wholesale on each validation. */
const issueLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setIssueLines)) continue;
      const doc = tr.state.doc;
      const lines = [...new Set(effect.value)].filter((l) => l >= 1 && l <= doc.lines).sort((a, b) => a - b);
      next = Decoration.set(lines.map((l) => issueLine.range(doc.line(l).from)));
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Built once: a new extensions array on every render would make CodeMirror reconfigure.
// The label goes on the editable element itself: that is what screen readers land on; the explicit
// tabindex tells checkers (axe's scrollable-region rule) the scrolling editor is reachable by keyboard.
const EXTENSIONS: Extension[] = [
  yaml(),
  issueLines,
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ "aria-label": "Pack YAML", tabindex: "0" }),
];

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** 1-based lines to mark as having problems. */
  issueLines: number[];
  jump: JumpTarget | null;
  /** Shown, selectable and searchable, but no keystroke changes it (a role that may not publish). */
  readOnly?: boolean;
};

export function YamlEditor({ value, onChange, issueLines: lines, jump, readOnly = false }: Props) {
  const viewRef = useRef<EditorView | null>(null);
  const dark = usePrefersDark();

  useEffect(() => {
    viewRef.current?.dispatch({ effects: setIssueLines.of(lines) });
  }, [lines]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || !jump) return;
    const doc = view.state.doc;
    const line = doc.line(Math.min(Math.max(jump.line, 1), doc.lines));
    const pos = Math.min(line.from + Math.max(jump.column - 1, 0), line.to);
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
    view.focus();
  }, [jump]);

  return (
    <div className="code-editor pack-editor" data-testid="pack-editor">
      <CodeMirror
        value={value}
        onChange={onChange}
        readOnly={readOnly}
        extensions={EXTENSIONS}
        onCreateEditor={(view) => {
          viewRef.current = view;
          view.dispatch({ effects: setIssueLines.of(lines) });
        }}
        minHeight="420px"
        maxHeight="70vh"
        theme={dark ? "dark" : "light"}
        basicSetup={{ foldGutter: true, autocompletion: false }}
      />
    </div>
  );
}
