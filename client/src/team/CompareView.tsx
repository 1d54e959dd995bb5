import { useEffect, useState } from "react";
import type { Comparison } from "../../../server/contracts/index.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { message, score, signalsText } from "./format.js";
import type { ReviewApi } from "./review-api.js";

/** Two to five candidates on the same pack, side by side, criterion by criterion (overrides applied, marked *). */
export function CompareView({ api, sessionIds, onBack }: { api: ReviewApi; sessionIds: string[]; onBack: () => void }) {
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.compare(sessionIds).then(setCmp, (err: unknown) => setError(message(err)));
  }, [api, sessionIds]);
  return (
    <section className="panel" data-testid="compare-view">
      <div className="team-toolbar">
        <button type="button" className="link" onClick={onBack} data-testid="back-from-compare">
          ← All sessions
        </button>
      </div>
      {error && <ErrorBanner message={`Cannot compare: ${error}`} />}
      {!cmp && !error && <p className="muted">Comparing…</p>}
      {cmp && (
        <>
          <h1>Compare on {cmp.packTitle}</h1>
          <div className="table-scroll">
            <table className="pack-table compare-table" data-testid="compare-table">
              <thead>
                <tr>
                  <th>Criterion</th>
                  {cmp.sessions.map((s) => (
                    <th key={s.sessionId} data-testid="compare-candidate">
                      {s.candidateLabel ?? s.sessionId.slice(0, 8)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="compare-total">
                  <td>
                    <strong>Overall</strong>
                  </td>
                  {cmp.sessions.map((s) => (
                    <td key={s.sessionId} className="num">
                      <strong>{score(s.score)}</strong>
                    </td>
                  ))}
                </tr>
                {cmp.rounds.map((r) => (
                  <tr key={r.roundId}>
                    <td>{r.title}</td>
                    {r.scores.map((v, i) => (
                      <td key={i} className="num">
                        {score(v)}
                      </td>
                    ))}
                  </tr>
                ))}
                {cmp.criteria.map((c) => (
                  <tr key={`${c.questionId}/${c.criterionId}`} data-testid="compare-row">
                    <td>
                      {c.criterionTitle} <div className="muted small">{c.questionTitle}</div>
                    </td>
                    {c.scores.map((v, i) => (
                      <td key={i} className="num">
                        {v === null ? (
                          <span className="muted">not asked</span>
                        ) : (
                          <>
                            {v}/4{c.overridden[i] ? " *" : ""}
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <td>Integrity signals</td>
                  {cmp.sessions.map((s) => (
                    <td key={s.sessionId} className="small">
                      {signalsText(s.signals)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <p className="muted small">* changed by a reviewer (see the session's audit trail).</p>
        </>
      )}
    </section>
  );
}
