import { useState } from "react";

/** One labelled text input (or a textarea with `multiline`). */
export function Text({
  label,
  value,
  onChange,
  testId,
  multiline,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  multiline?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea className="text-input" data-testid={testId} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className="text-input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

/** Evidence concepts as "label: term, term" lines; committed on blur so a half-typed line is not rewritten. */
export function ConceptsField({ value, onCommit }: { value: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <label className="field">
      <span>Evidence terms (one concept a line: label: term, term)</span>
      <textarea
        className="text-input"
        data-testid="form-c-concepts"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== value && onCommit(text)}
      />
    </label>
  );
}
