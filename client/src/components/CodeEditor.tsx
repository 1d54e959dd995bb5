import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import type { Language } from "../../../server/contracts/index.js";
import { usePrefersDark } from "./usePrefersDark.js";

const LABELS: Record<Language, string> = { python: "Your answer: Python code", typescript: "Your answer: TypeScript code" };

// Built once: a new extensions array on every render would make CodeMirror reconfigure.
// The label goes on the editable element itself: that is what screen readers land on. An explicit tabindex
// tells checkers (axe's scrollable-region rule) that the scrolling editor is reachable by keyboard: it is.
const EXTENSIONS: Record<Language, Extension[]> = {
  python: [python(), EditorView.contentAttributes.of({ "aria-label": LABELS.python, tabindex: "0" })],
  typescript: [javascript({ typescript: true }), EditorView.contentAttributes.of({ "aria-label": LABELS.typescript, tabindex: "0" })],
};

type Props = {
  value: string;
  language: Language;
  onChange: (value: string) => void;
  readOnly?: boolean;
};

export function CodeEditor({ value, language, onChange, readOnly = false }: Props) {
  const dark = usePrefersDark();
  return (
    <div className="code-editor" data-testid="code-editor">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={EXTENSIONS[language]}
        readOnly={readOnly}
        theme={dark ? "dark" : "light"}
        minHeight="360px"
        maxHeight="calc(100vh - 16rem)"
        basicSetup={{ foldGutter: false }}
      />
    </div>
  );
}
