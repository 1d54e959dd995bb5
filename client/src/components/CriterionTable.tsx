import type { MouseEvent } from "react";
import type { ReportQuestion } from "../../../server/contracts/index.js";

type Criterion = ReportQuestion["criteria"][number];

type Props = {
  criteria: Criterion[];
  /** Criteria with at least one quote marked in the transcript. */
  located?: ReadonlySet<string>;
  /** Scroll to and pulse the criterion's first marked quote. */
  onShowEvidence?: (criterionId: string) => void;
};

/** Clicks on the row's own controls (the rationale toggle, buttons, links) or ending a text selection do not jump. */
function isRowJump(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target as Element | null;
  if (target?.closest("summary, button, a, details[open] > :not(summary)")) return false;
  return !window.getSelection()?.toString();
}

/** How each rubric criterion was scored, with the quotes the score rests on. */
export function CriterionTable({ criteria, located, onShowEvidence }: Props) {
  if (criteria.length === 0) return <p className="muted">No criteria were scored for this question.</p>;
  return (
    <div className="table-scroll">
      <table className="criteria">
        <thead>
          <tr>
            <th>Criterion</th>
            <th>Weight</th>
            <th>Score</th>
            <th>Feedback and evidence</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const jumpable = Boolean(onShowEvidence && located?.has(c.criterionId));
            return (
              <tr
                key={c.criterionId}
                data-testid="criterion-row"
                className={jumpable ? "criterion-jumpable" : undefined}
                onClick={jumpable ? (e) => isRowJump(e) && onShowEvidence?.(c.criterionId) : undefined}
              >
                <td>{c.title}</td>
                <td className="num">{c.weight}</td>
                <td className="num">
                  <span data-testid="criterion-score">{c.score}/4</span>
                  {c.insufficientEvidence && (
                    <div className="tag tag-insufficient" data-testid="insufficient-evidence">
                      insufficient evidence
                    </div>
                  )}
                </td>
                <td>
                  {c.insufficientEvidence && (
                    <p className="insufficient-note">The answer gave too little to judge this criterion.</p>
                  )}
                  <p>{c.feedback}</p>
                  {c.judgeScore !== undefined && (
                    <div className="judge-scores">
                      <p className="small">
                        {c.evidenceScore !== undefined ? `Evidence score ${c.evidenceScore}, judge score ${c.judgeScore}` : `Judge score ${c.judgeScore}`}
                        {c.disagreement && (
                          <>
                            {" "}
                            <span
                              className="badge badge-disagreement"
                              data-testid="disagreement"
                              title="The evidence layer and the judge were two or more levels apart."
                            >
                              disagreement
                            </span>
                          </>
                        )}
                      </p>
                      {c.judgeRationale && (
                        <details className="judge-rationale">
                          <summary>The judge's rationale</summary>
                          <p>{c.judgeRationale}</p>
                        </details>
                      )}
                    </div>
                  )}
                  {c.evidence.length > 0 && (
                    <ul className="evidence">
                      {c.evidence.map((e, i) => (
                        <li key={i}>
                          <q>{e.quote}</q>
                          {e.note && <span className="muted"> — {e.note}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {jumpable && (
                    <button type="button" className="show-evidence small" onClick={() => onShowEvidence?.(c.criterionId)}>
                      Show in your answer
                    </button>
                  )}
                  {c.strongAnswerAdds && (
                    <p className="strong-adds">
                      <strong>A strong answer adds:</strong> {c.strongAnswerAdds}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
