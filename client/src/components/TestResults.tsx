import type { TestReport } from "../../../server/contracts/index.js";
import { formatArgs, formatValue, isVisibleResult, runStatusText, type VisibleTestResult } from "./test-values.js";

type Props = {
  report: TestReport;
  /** The code (or language) changed since this run: the results may no longer hold. */
  stale: boolean;
};

/** The outcome of "Run tests": a summary, then each visible test with what went wrong. */
export function TestResults({ report, stale }: Props) {
  const results = report.results.filter(isVisibleResult);
  const passed = results.filter((r) => r.passed).length;
  const allPassed = results.length > 0 && passed === results.length;
  const statusText = runStatusText(report.status, report.budgetSpent);
  return (
    <section
      className={`test-results ${stale ? "stale" : ""}`}
      data-testid="test-results"
      data-stale={String(stale)}
      aria-label="Test results"
      aria-live="polite"
    >
      <header className="test-results-head">
        <strong data-testid="test-summary" className={allPassed ? "test-ok" : "test-bad"}>
          {passed} of {results.length} visible tests passed
        </strong>
        <span className="muted small">
          {report.language} · {Math.round(report.ms)} ms
        </span>
        {stale && (
          <span className="tag tag-stale" data-testid="test-stale" title="You changed the code after this run; run the tests again.">
            stale: code changed since this run
          </span>
        )}
      </header>
      {statusText && (
        <p className="test-status" data-testid="test-status">
          {statusText}
        </p>
      )}
      <ol className="test-list">
        {results.map((r, i) => (
          <TestResultItem key={`${i}-${r.name}`} result={r} />
        ))}
      </ol>
    </section>
  );
}

function TestResultItem({ result: r }: { result: VisibleTestResult }) {
  return (
    <li className={`test-case test-result ${r.passed ? "passed" : "failed"}`} data-testid="test-result" data-passed={String(r.passed)}>
      <div className="test-case-head">
        <span className="test-name">{r.name}</span>
        <span className={`badge ${r.passed ? "badge-pass" : "badge-fail"}`}>{r.passed ? "pass" : "fail"}</span>
        <span className="muted small">{Math.round(r.ms)} ms</span>
      </div>
      <dl className="test-io">
        <dt>Input</dt>
        <dd>
          <pre>{formatArgs(r.args)}</pre>
        </dd>
        <dt>Expected</dt>
        <dd>
          <pre>{formatValue(r.expected)}</pre>
        </dd>
        {r.error !== undefined ? (
          <>
            <dt>Error</dt>
            <dd>
              <pre className="test-error">{r.error}</pre>
            </dd>
          </>
        ) : (
          <>
            <dt>Actual</dt>
            <dd>
              <pre className={r.passed ? undefined : "test-mismatch"}>{formatValue(r.actual)}</pre>
            </dd>
          </>
        )}
      </dl>
      {r.stdout !== "" && (
        <details className="test-output">
          <summary>stdout ({r.stdout.split("\n").filter(Boolean).length} lines)</summary>
          <pre>{r.stdout}</pre>
        </details>
      )}
      {r.stderr !== "" && (
        <details className="test-output">
          <summary>stderr ({r.stderr.split("\n").filter(Boolean).length} lines)</summary>
          <pre>{r.stderr}</pre>
        </details>
      )}
    </li>
  );
}
