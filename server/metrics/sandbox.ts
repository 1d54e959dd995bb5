import { RunCancelledError, type Sandbox } from "../sandbox/index.js";
import { secondsSince, type Metrics } from "./metrics.js";

/** The same sandbox, with every run timed (queueing included) and its queues readable at scrape time. */
export function instrumentSandbox(sandbox: Sandbox, metrics: Metrics): Sandbox {
  metrics.gauge(
    "interview_sandbox_queue_depth",
    "Sandbox runs waiting for a slot, by language.",
    () => Object.fromEntries(Object.entries(sandbox.queueStats()).map(([language, s]) => [language, s.waiting])),
    "language",
  );
  metrics.gauge(
    "interview_sandbox_busy_slots",
    "Sandbox slots running candidate code now, by language.",
    () => Object.fromEntries(Object.entries(sandbox.queueStats()).map(([language, s]) => [language, s.busy])),
    "language",
  );
  return {
    ...sandbox,
    async runTests(question, language, code, scope, run) {
      const started = performance.now();
      let outcome = "error";
      try {
        const report = await sandbox.runTests(question, language, code, scope, run);
        outcome = report.passed === report.total ? "passed" : "failed";
        return report;
      } catch (err) {
        // A run nobody waits for any more is counted as what it is, not as an error of the sandbox.
        if (err instanceof RunCancelledError) outcome = "cancelled";
        throw err;
      } finally {
        metrics.sandboxRunSeconds.observe({ language, scope, outcome }, secondsSince(started));
      }
    },
  };
}
