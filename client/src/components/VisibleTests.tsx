import type { VisibleTest } from "../../../server/contracts/index.js";
import { formatArgs, formatValue } from "./test-values.js";

/** The tests "Run tests" checks, shown under a coding question so the candidate knows the target. */
export function VisibleTests({ tests }: { tests: VisibleTest[] }) {
  if (tests.length === 0) return null;
  return (
    <section className="visible-tests" data-testid="visible-tests" aria-label="Example tests">
      <h3>
        Example tests <span className="muted small">— “Run tests” checks these; submitting also runs hidden ones</span>
      </h3>
      <ol className="test-list">
        {tests.map((t, i) => (
          <li key={`${i}-${t.name}`} className="test-case" data-testid="visible-test">
            <div className="test-name">{t.name}</div>
            <dl className="test-io">
              <dt>Input</dt>
              <dd>
                <pre>{formatArgs(t.args)}</pre>
              </dd>
              <dt>Expected</dt>
              <dd>
                <pre>{formatValue(t.expected)}</pre>
              </dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
