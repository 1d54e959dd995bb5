import type { ReportQuestion } from "../../../server/contracts/index.js";

type Criterion = ReportQuestion["criteria"][number];

type Props = {
  criteria: Criterion[];
  /** Criteria with at least one quote marked in the transcript. */
  located?: ReadonlySet<string>;
  /** Scroll to and pulse the criterion's first marked quote. */
  onShowEvidence?: (criterionId: string) => void;
};

/** How each rubric criterion was scored, with the quotes the score rests on: cards, so nothing is clipped on a phone. */
export function CriterionList({ criteria, located, onShowEvidence }: Props) {
  if (criteria.length === 0) return <p className="muted">No criteria were scored for this question.</p>;
  return (
    <ul className="criteria-list" aria-label="Scores by criterion">
      {criteria.map((c) => {
        const jumpable = Boolean(onShowEvidence && located?.has(c.criterionId));
        return (
          <li key={c.criterionId} data-testid="criterion-row" className={`criterion score-${c.score}`}>
            <div className="criterion-head">
              <strong className="criterion-title">{c.title}</strong>
              <span className="muted small">weight {c.weight}</span>
              <span className="score-pill" data-testid="criterion-score">
                {c.score}/4
              </span>
              {c.insufficientEvidence && (
                <span className="tag tag-insufficient" data-testid="insufficient-evidence">
                  too little to judge
                </span>
              )}
            </div>
            <p>{c.feedback}</p>
            {c.judgeScore !== undefined && (
              <div className="judge-scores">
                <p className="small">
                  {c.evidenceScore !== undefined
                    ? `Evidence checks gave ${c.evidenceScore}, the AI judge ${c.judgeScore}`
                    : `AI judge score ${c.judgeScore}`}
                  {c.disagreement && (
                    <>
                      {" "}
                      <span
                        className="badge badge-disagreement"
                        data-testid="disagreement"
                        title="The evidence checks and the AI judge were two or more levels apart."
                      >
                        they disagree
                      </span>
                    </>
                  )}
                </p>
                {c.judgeRationale && (
                  <details className="judge-rationale">
                    <summary>Why the judge scored it so</summary>
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
              <button
                type="button"
                className="show-evidence small"
                data-testid="show-evidence"
                onClick={() => onShowEvidence?.(c.criterionId)}
              >
                Show in your answer
              </button>
            )}
            {c.strongAnswerAdds && (
              <p className="strong-adds">
                <strong>A strong answer adds:</strong> {c.strongAnswerAdds}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
