import type { PackIssue } from "../types.js";

/** Validation problems; one with a line is a button that puts the editor's cursor there. */
export function IssueList({
  issues,
  onGoTo,
  stale = false,
  testIds = false,
}: {
  issues: PackIssue[];
  onGoTo: (issue: PackIssue) => void;
  /** Dimmed while the text is being checked again. */
  stale?: boolean;
  /** The live validation list carries test ids; the publish error's list does not. */
  testIds?: boolean;
}) {
  return (
    <ul className={`issue-list ${stale ? "stale" : ""}`} data-testid={testIds ? "validation-issues" : undefined}>
      {issues.map((issue, i) => (
        <li key={`${i}:${issue.path}:${issue.message}`} data-testid={testIds ? "validation-issue" : undefined}>
          <IssueButton issue={issue} onClick={() => onGoTo(issue)} />
        </li>
      ))}
    </ul>
  );
}

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
