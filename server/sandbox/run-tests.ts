import type { TestReport, TestResult } from "../contracts/tests.js";
import type { Language, Question, TestCase } from "../scenarios/index.js";
import { matches } from "./compare.js";
import { releaseTime, type HiddenHold } from "./hidden-hold.js";
import { capReport } from "./report-cap.js";
import type { BatchResult, CaseOutcome, LanguageRunner } from "./types.js";

export type { TestReport };

/** Who a run is for: runs queue round-robin between owners; onWait hears if this one has to wait. */
export type RunContext = {
  owner?: string | undefined;
  /** The client address (or a team, for validation): its sessions share one slice of the pool. */
  group?: string | undefined;
  /** Served after candidates' runs (pack validation). */
  background?: boolean | undefined;
  onWait?: ((notice: { ahead: number }) => void) | undefined;
  /**
   * Grading's runs: the report waits until the hidden batch's whole wall budget has passed since it started
   * (hidden-hold.ts says why). The sandbox's `hiddenHold` is the one that knows its limits; absent, no hold.
   */
  hold?: HiddenHold | undefined;
  /** Aborted when nobody waits for the run any more (the client left): batches still queued leave the line. */
  signal?: AbortSignal | undefined;
};

export class LanguageUnavailableError extends Error {
  override name = "LanguageUnavailableError";
}

function judge(test: TestCase, outcome: CaseOutcome): boolean {
  return outcome.ok && matches(test, outcome.value);
}

/**
 * Run a question's tests against a candidate's code. Hidden tests run in a
 * separate sandbox from visible ones, so code cannot read hidden inputs and
 * leak them through a visible test's output; expected values never enter any sandbox.
 */
export async function runQuestionTests(
  runner: LanguageRunner,
  question: Question,
  language: Language,
  code: string,
  scope: "visible" | "all",
  run: RunContext = {},
): Promise<TestReport> {
  const spec = question.coding;
  const entrypoint = spec?.entrypoint[language];
  if (!spec || !entrypoint) throw new LanguageUnavailableError(`question "${question.id}" has no ${language} version`);
  const started = performance.now();
  const visible = spec.tests.filter((t) => t.visible);
  const hidden = scope === "all" ? spec.tests.filter((t) => !t.visible) : [];
  const batch = (tests: TestCase[], onStart?: () => void) =>
    tests.length === 0
      ? Promise.resolve(null)
      : runner.run({
          language,
          code,
          testCode: spec.testCode?.[language],
          entrypoint,
          cases: tests.map((t) => ({ args: t.args })),
          owner: run.owner,
          group: run.group,
          background: run.background,
          onWait: notifyOnce,
          onStart,
          signal: run.signal,
        });
  // Visible and hidden batches queue separately; the candidate hears about waiting once.
  let told = false;
  const notifyOnce = (notice: { ahead: number }) => {
    if (told) return;
    told = true;
    run.onWait?.(notice);
  };
  // The report's time is the visible batch's own: the hidden batch's time is candidate code's to modulate (sleep
  // on a hidden input), so even a rounded total including it leaks hidden inputs a few bits per submit.
  let visibleMs = 0;
  const timedVisible = batch(visible).then((result) => ((visibleMs = Math.round(performance.now() - started)), result));
  let hiddenStarted: number | undefined;
  const heldHidden = batch(hidden, () => (hiddenStarted = performance.now())).then(async (result) => {
    // Released at its start + its budget whatever the code did with its time (hidden-hold.ts).
    const { hold } = run;
    if (result && hold) await hold.until(releaseTime(hold, hidden.length, hiddenStarted ?? started, performance.now()));
    return result;
  });
  const [v, h] = await Promise.all([timedVisible, heldHidden]);
  const results: TestResult[] = [
    ...visible.map((test, i): TestResult => {
      const o = v!.outcomes[i]!;
      return {
        name: test.name,
        visible: true,
        passed: judge(test, o),
        args: test.args,
        expected: test.expected,
        ...(o.ok ? { actual: o.value } : { error: o.error }),
        stdout: o.stdout,
        stderr: o.stderr,
        ms: o.ms,
      };
    }),
    ...hidden.map((test, i): TestResult => ({ name: test.name, visible: false, passed: judge(test, h!.outcomes[i]!) })),
  ];
  const batches = [v, h].filter((b): b is BatchResult => b !== null);
  const statuses = batches.map((b) => b.status);
  const budgetSpent = batches.find((b) => b.status === "timeout")?.budgetSpent;
  const hiddenResults = results.filter((r) => !r.visible);
  return capReport({
    language,
    scope,
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    hiddenPassed: hiddenResults.filter((r) => r.passed).length,
    hiddenTotal: hiddenResults.length,
    status: statuses.find((s) => s !== "ok") ?? "ok",
    ...(budgetSpent && statuses.find((s) => s !== "ok") === "timeout" ? { budgetSpent } : {}),
    results,
    ms: visibleMs,
  });
}
