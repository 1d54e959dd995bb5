import type { TestReport } from "../../../server/contracts/index.js";
import { formatArgs, formatValue, isHiddenResult, isVisibleResult, runStatusText } from "./test-values.js";

/** How the final code did on the question's tests: visible ones in full, hidden ones pass/fail only. */
export function ReportTests({ tests }: { tests: TestReport }) {
  const visible = tests.results.filter(isVisibleResult);
  const hidden = tests.results.filter(isHiddenResult);
  const statusText = runStatusText(tests.status, tests.budgetSpent);
  return (
    <section className="report-tests" data-testid="report-tests" aria-label="Tests">
      <h4>Tests</h4>
      <p data-testid="report-tests-summary">
        <strong className={tests.passed === tests.total ? "test-ok" : "test-bad"}>
          Passed {tests.passed} of {tests.total}
        </strong>{" "}
        (hidden: {tests.hiddenPassed} of {tests.hiddenTotal}) in {tests.language}
      </p>
      {statusText && <p className="test-status">{statusText}</p>}
      {visible.length > 0 && (
        <div className="table-scroll">
          <table className="tests-table stack-on-narrow">
            <thead>
              <tr>
                <th>Test</th>
                <th>Result</th>
                <th>Input</th>
                <th>Expected</th>
                <th>Actual</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((r, i) => (
                <tr key={`${i}-${r.name}`} data-testid="report-test" data-passed={String(r.passed)}>
                  <td data-label="Test">{r.name}</td>
                  <td data-label="Result">
                    <span className={`badge ${r.passed ? "badge-pass" : "badge-fail"}`}>{r.passed ? "pass" : "fail"}</span>
                  </td>
                  <td data-label="Input">
                    <pre>{formatArgs(r.args)}</pre>
                  </td>
                  <td data-label="Expected">
                    <pre>{formatValue(r.expected)}</pre>
                  </td>
                  <td data-label="Actual">
                    {r.error !== undefined ? <pre className="test-error">{r.error}</pre> : <pre>{formatValue(r.actual)}</pre>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hidden.length > 0 && (
        <div className="hidden-tests">
          <div className="muted small">Hidden tests (inputs are not shown)</div>
          <ul>
            {hidden.map((r, i) => (
              <li key={`${i}-${r.name}`} data-testid="report-hidden-test" data-passed={String(r.passed)}>
                <span className={`badge ${r.passed ? "badge-pass" : "badge-fail"}`}>{r.passed ? "pass" : "fail"}</span> {r.name}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
