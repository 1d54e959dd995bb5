/** A written part of the answer; Ctrl+Enter (or Cmd+Enter) submits when there is something to submit. */
export function AnswerTextArea({
  value,
  onChange,
  onSubmitShortcut,
  readOnly,
  rows,
  placeholder,
  label,
  testId,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Called on Ctrl+Enter; the caller decides whether a submit may go out. */
  onSubmitShortcut: () => void;
  readOnly: boolean;
  rows: number;
  placeholder: string;
  label: string;
  testId: string;
  className: string;
}) {
  return (
    <textarea
      data-testid={testId}
      className={className}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) onSubmitShortcut();
      }}
      placeholder={placeholder}
      rows={rows}
      readOnly={readOnly}
      aria-label={label}
    />
  );
}
