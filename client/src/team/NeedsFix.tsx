import type { PackSummary } from "./types.js";

/**
 * A version published before a rule it breaks: interviews and invites on it are refused until a fixed version is
 * published; the sessions already taken on it stay on the dashboard. Shown in the pack list and in the editor.
 */
export function NeedsFix({ problems, testId = "pack-needs-fix" }: { problems: NonNullable<PackSummary["needsFix"]>; testId?: string }) {
  return (
    <div className="needs-fix" data-testid={testId}>
      <span className="badge badge-fail">needs a fix</span> Not offered for new interviews until you publish a fixed version:
      <ul className="small">
        {problems.map((p) => (
          <li key={`${p.path}:${p.code ?? ""}`}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
