import type { ReportQuestion } from "../../../server/contracts/index.js";

type Criterion = ReportQuestion["criteria"][number];

/** How each rubric criterion was scored, with the quotes the score rests on. */
export function CriterionTable({ criteria }: { criteria: Criterion[] }) {
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
          {criteria.map((c) => (
            <tr key={c.criterionId} data-testid="criterion-row">
              <td>{c.title}</td>
              <td className="num">{c.weight}</td>
              <td className="num">
                <span data-testid="criterion-score">{c.score}/4</span>
                {c.insufficientEvidence && <div className="tag">insufficient evidence</div>}
              </td>
              <td>
                <p>{c.feedback}</p>
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
                {c.strongAnswerAdds && (
                  <p className="strong-adds">
                    <strong>A strong answer adds:</strong> {c.strongAnswerAdds}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
