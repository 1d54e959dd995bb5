import CodeMirror, { type Extension } from "@uiw/react-codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import type { Language } from "../../../server/contracts/index.js";

// Built once: a new extensions array on every render would make CodeMirror reconfigure.
const EXTENSIONS: Record<Language, Extension[]> = {
  python: [python()],
  typescript: [javascript({ typescript: true })],
};

type Props = {
  value: string;
  language: Language;
  onChange: (value: string) => void;
  readOnly?: boolean;
};

export function CodeEditor({ value, language, onChange, readOnly = false }: Props) {
  return (
    <div className="code-editor" data-testid="code-editor">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={EXTENSIONS[language]}
        readOnly={readOnly}
        minHeight="320px"
        maxHeight="60vh"
        basicSetup={{ foldGutter: false }}
        aria-label={`${language} code answer`}
      />
    </div>
  );
}
